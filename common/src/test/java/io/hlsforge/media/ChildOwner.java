package io.hlsforge.media;

import java.time.Duration;
import java.util.List;

/**
 * A stand-in executor for ChildProcessTest: a JVM that starts a supervised child and waits for it.
 */
public final class ChildOwner {
  private ChildOwner() {}

  public static void main(String[] args) throws Exception {
    System.out.println("started");
    System.out.flush();
    ChildProcess.run(List.of(args), Duration.ofHours(1), null);
  }
}
