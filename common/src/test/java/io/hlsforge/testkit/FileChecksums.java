package io.hlsforge.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every regular file under a directory with the SHA-256 of its bytes, by path relative to it
 * (hidden files — a writer's temporaries — left out): comparing two of these compares what two runs
 * left, byte for byte, not just the names.
 */
public final class FileChecksums {
  private FileChecksums() {}

  public static Map<String, String> of(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(f).toString();
        if (!name.startsWith(".") && !name.contains("/.")) {
          out.put(name, sha256(Files.readAllBytes(f)));
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
