package io.hlsforge;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Free loopback ports for the servers the tests start, and a bounded wait until one listens. */
final class LoopbackPorts {
  private LoopbackPorts() {}

  static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Waits until {@code port} accepts a connection; fails with the server's log if it exits or never
   * listens.
   */
  static void awaitListening(int port, Process server, Path log, Duration within)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (!server.isAlive()) {
          throw new IOException(
              "the server exited before listening on " + port + ":\n" + Files.readString(log));
        }
        Thread.sleep(100);
      }
    }
    throw new IOException(
        "nothing listened on "
            + port
            + " within "
            + within.toSeconds()
            + " s:\n"
            + Files.readString(log));
  }
}
