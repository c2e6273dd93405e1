package io.hlsforge.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Per-task local scratch directories for sources and encoder output, always removed afterwards. */
public final class ScratchDirs {
  private ScratchDirs() {}

  /** A fresh directory under {@code base} (or java.io.tmpdir when blank). */
  public static Path create(String base, String prefix) throws IOException {
    Path root =
        base == null || base.isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"))
            : Path.of(base);
    Files.createDirectories(root);
    return Files.createTempDirectory(root, prefix);
  }

  /**
   * Deletes a scratch tree; best effort, a leftover is harmless and the OS temp reaper takes it.
   */
  public static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // nothing more to do
    }
  }
}
