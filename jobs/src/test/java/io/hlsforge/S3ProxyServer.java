package io.hlsforge;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real S3 API server (S3Proxy over a local directory) in its own JVM, on a loopback port. */
final class S3ProxyServer implements AutoCloseable {
  static final String ACCESS_KEY = "hlsforge-test-access";
  static final String SECRET_KEY = "hlsforge-test-secret";

  private final Process process;
  final int port;

  S3ProxyServer(Path dir) throws IOException, InterruptedException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    Path props = Files.writeString(dir.resolve("s3proxy.conf"), String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "s3proxy.cors-allow-all=true",
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + data,
        "jclouds.identity=" + ACCESS_KEY,
        "jclouds.credential=" + SECRET_KEY) + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", System.getProperty("hlsforge.s3proxyJar"), "--properties", props.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).redirectInput(new File("/dev/null")).start();
    for (int i = 0; i < 300; i++) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException("S3Proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
        }
        Thread.sleep(100);
      }
    }
    throw new IOException("S3Proxy did not listen within 30 s: " + Files.readString(dir.resolve("s3proxy.log")));
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
