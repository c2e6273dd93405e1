package io.hlsforge.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program under supervision: stdout is captured, stderr keeps its last lines for
 * the error message, and a child that outlives its timeout (or whose task thread is interrupted,
 * as Spark does when it kills a task) is killed with its descendants. A crash of the child never
 * touches the JVM.
 */
public final class ChildProcess {
  private static final int STDERR_TAIL_BYTES = 4000;

  private ChildProcess() {}

  /** What a finished child left behind. */
  public record Result(int exitCode, String stdout, String stderrTail) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** Thrown when the child had to be killed because it ran out of time. */
  public static final class TimeoutException extends IOException {
    public TimeoutException(String message) {
      super(message);
    }
  }

  public static Result run(List<String> command, Duration timeout, Path workDir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    // The bundled binaries' RUNPATH covers their direct libraries only; transitive ones (libva…)
    // are found through LD_LIBRARY_PATH pointing at the same extracted directory.
    String libDir = FfmpegBinaries.libraryDirectory();
    String existing = System.getenv("LD_LIBRARY_PATH");
    pb.environment().put("LD_LIBRARY_PATH", existing == null || existing.isEmpty() ? libDir : libDir + ":" + existing);
    Process process = pb.start();
    StreamCollector out = new StreamCollector(process.getInputStream(), Integer.MAX_VALUE);
    StreamCollector err = new StreamCollector(process.getErrorStream(), STDERR_TAIL_BYTES);
    out.start();
    err.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new TimeoutException(
            "timed out after " + timeout.toSeconds() + " s and was killed: " + String.join(" ", command.subList(0, Math.min(3, command.size()))));
      }
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    out.join();
    err.join();
    return new Result(process.exitValue(), out.text(), err.text());
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Drains a stream on its own thread so the child never blocks on a full pipe. */
  private static final class StreamCollector extends Thread {
    private final InputStream in;
    private final int keepBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    StreamCollector(InputStream in, int keepBytes) {
      super("child-process-stream");
      setDaemon(true);
      this.in = in;
      this.keepBytes = keepBytes;
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) {
          synchronized (buffer) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > keepBytes * 2L && keepBytes < Integer.MAX_VALUE / 2) {
              byte[] all = buffer.toByteArray();
              buffer.reset();
              buffer.write(all, all.length - keepBytes, keepBytes);
            }
          }
        }
      } catch (IOException ignored) {
        // The child was killed; what we have is what there is.
      }
    }

    String text() {
      synchronized (buffer) {
        byte[] all = buffer.toByteArray();
        int from = Math.max(0, all.length - keepBytes);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
      }
    }
  }
}
