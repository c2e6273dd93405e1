package io.hlsforge.media;

import io.hlsforge.run.WorkClock;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one external program under supervision: stdout is captured, stderr keeps its last lines for
 * the error message, and a child that outlives its timeout (or whose task thread is interrupted, as
 * Spark does when it kills a task) is killed with its descendants. A crash of the child never
 * touches the JVM.
 */
public final class ChildProcess {
  private static final int STDERR_TAIL_BYTES = 4000;
  private static final String SIGNAL_MARKER = "hlsforge: child killed by signal ";

  /**
   * The child runs under a tiny perl parent (perl-base is part of every Debian system) that does
   * two things Java cannot: it sees the real wait status — the JDK reports "killed by signal N" as
   * exit code 128 + N, which ffmpeg's own error codes (AVERROR & 0xff: 183, 234, …) collide with —
   * and it sets PR_SET_PDEATHSIG (prctl, syscall 157 on x86_64, where the bundled FFmpeg runs) on
   * itself and on the child, so a JVM that dies — an executor killed with SIGKILL — takes its
   * ffmpeg with it instead of leaving an orphan that encodes for hours. Each sets it before it
   * forks or execs and then checks that its parent is still the one it was started by: a parent
   * that died just before the prctl would otherwise never send the signal.
   */
  private static final String SUPERVISOR =
      String.join(
          " ",
          "my $jvm = shift @ARGV;",
          "syscall(157, 1, 9); exit 137 if getppid() != $jvm;",
          "my $self = $$; my $pid = fork();",
          "if (!defined $pid) { print STDERR \"hlsforge: cannot fork: $!\\n\"; exit 127; }",
          "if ($pid == 0) { syscall(157, 1, 9); exit 137 if getppid() != $self; exec { $ARGV[0] } @ARGV; print STDERR \"hlsforge: cannot run $ARGV[0]: $!\\n\"; exit 127; }",
          "waitpid($pid, 0); my $s = $?;",
          "if ($s & 127) { print STDERR \"\\n"
              + SIGNAL_MARKER
              + "\", ($s & 127), \"\\n\"; exit(128 + ($s & 127)); }",
          "exit($s >> 8);");

  private static final boolean PERL = Files.isExecutable(Path.of("/usr/bin/perl"));
  private static final boolean PRLIMIT = Files.isExecutable(Path.of("/usr/bin/prlimit"));

  private ChildProcess() {}

  /**
   * What a finished child left behind. {@code watched}: the first whole stderr line that matched
   * the pattern the caller watched for (however early it came), or null.
   */
  public record Result(int exitCode, String stdout, String stderrTail, String watched) {
    public Result(int exitCode, String stdout, String stderrTail) {
      this(exitCode, stdout, stderrTail, null);
    }

    private static final Pattern OUT_OF_MEMORY =
        Pattern.compile(
            "(?i)cannot allocate memory|out of memory|memory exhausted|MemoryError|bad_alloc");
    private static final Pattern DENIED =
        Pattern.compile("(?m)^.*(not on whitelist|Unsafe file name).*$");
    // What ffmpeg prints when a demuxer or decoder meets damaged data (fatal under -xerror).
    private static final Pattern CORRUPT =
        Pattern.compile(
            "(?m)^.*(corrupt input packet|corrupt decoded frame|Error while decoding|Invalid data found when processing input|Picture size \\d+x\\d+ is invalid).*$");

    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The signal that killed the child, or 0. */
    public int signal() {
      int at = stderrTail.lastIndexOf(SIGNAL_MARKER);
      if (at < 0) {
        return 0;
      }
      String n = stderrTail.substring(at + SIGNAL_MARKER.length()).strip();
      return n.matches("\\d+") ? Integer.parseInt(n) : 0;
    }

    /** The child said it could not get memory (the memory cap, or the machine, ran out). */
    public boolean outOfMemory() {
      return OUT_OF_MEMORY.matcher(stderrTail).find();
    }

    /**
     * The reason class of a failed child: an input that points at a URL or a file outside its own
     * (refused by the protocol whitelist, or concat's safe mode) → PROTOCOL_DENIED; killed by a
     * signal → NATIVE_CRASH (a decoder bug on hostile input must not be retried as if it were
     * flaky), out of memory → OUT_OF_MEMORY, else {@code otherwise}.
     */
    public MediaException.Kind failureKind(MediaException.Kind otherwise) {
      if (DENIED.matcher(stderrTail).find()) {
        return MediaException.Kind.PROTOCOL_DENIED;
      }
      if (outOfMemory()) {
        return MediaException.Kind.OUT_OF_MEMORY;
      }
      if (signal() != 0) {
        return MediaException.Kind.NATIVE_CRASH;
      }
      return CORRUPT.matcher(stderrTail).find() ? MediaException.Kind.INPUT_CORRUPT : otherwise;
    }

    /**
     * The failure of an ffmpeg child that was {@code doing} something (empty, or e.g. "cannot
     * measure picture quality: "): an encoder's failure quotes ffmpeg's error output whole, the
     * other reason classes say how it ended ({@link #describe}).
     */
    public MediaException ffmpegFailure(String doing) {
      MediaException.Kind kind = failureKind(MediaException.Kind.ENCODE_FAILED);
      return new MediaException(
          kind,
          doing
              + "ffmpeg "
              + (kind == MediaException.Kind.ENCODE_FAILED
                  ? "exited " + exitCode + ": " + stderrTail.strip()
                  : describe()));
    }

    /** "exited 1: <last stderr line>" or "was killed by signal 11 (SIGSEGV): …". */
    public String describe() {
      // The line that explains the failure: a refused protocol, else the first sign of damage, else
      // the last line.
      Matcher denied = DENIED.matcher(stderrTail);
      Matcher corrupt = CORRUPT.matcher(stderrTail);
      int marker = stderrTail.lastIndexOf(SIGNAL_MARKER);
      String last =
          denied.find()
              ? denied.group().strip()
              : signal() == 0 && corrupt.find()
                  ? corrupt.group().strip()
                  : (marker < 0 ? stderrTail : stderrTail.substring(0, marker)).strip();
      int nl = last.lastIndexOf('\n');
      last = nl < 0 ? last : last.substring(nl + 1);
      String how =
          signal() != 0
              ? "was killed by signal "
                  + signal()
                  + (signal() == 11
                      ? " (SIGSEGV)"
                      : signal() == 6 ? " (SIGABRT)" : signal() == 9 ? " (SIGKILL)" : "")
              : "exited " + exitCode;
      return last.isEmpty() ? how : how + ": " + last;
    }
  }

  /**
   * {@code command} run under an address-space cap (util-linux prlimit), or as it is when {@code
   * bytes <= 0} or the node has no prlimit (then only the timeout bounds the child).
   */
  public static List<String> withMemoryLimit(List<String> command, long bytes) {
    if (bytes <= 0 || !PRLIMIT) {
      return command;
    }
    List<String> limited = new ArrayList<>(List.of("/usr/bin/prlimit", "--as=" + bytes, "--"));
    limited.addAll(command);
    return limited;
  }

  /** Thrown when the child had to be killed because it ran out of time. */
  public static final class TimeoutException extends IOException {
    public TimeoutException(String message) {
      super(message);
    }
  }

  public static Result run(List<String> command, Duration timeout, Path workDir)
      throws IOException, InterruptedException {
    return run(command, timeout, workDir, null);
  }

  /**
   * @param watch when not null, every stderr line is matched against it and the first match is
   *     {@link Result#watched} (the kept tail alone could have lost it)
   */
  public static Result run(List<String> command, Duration timeout, Path workDir, Pattern watch)
      throws IOException, InterruptedException {
    try (WorkClock.Span timed = WorkClock.start(WorkClock.Kind.CHILD)) {
      return supervise(command, timeout, workDir, watch);
    }
  }

  private static Result supervise(
      List<String> command, Duration timeout, Path workDir, Pattern watch)
      throws IOException, InterruptedException {
    List<String> supervised = command;
    if (PERL) {
      supervised =
          new ArrayList<>(
              List.of(
                  "/usr/bin/perl", "-e", SUPERVISOR, Long.toString(ProcessHandle.current().pid())));
      supervised.addAll(command);
    }
    ProcessBuilder pb =
        new ProcessBuilder(supervised)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    // The bundled binaries' RUNPATH covers their direct libraries only; transitive ones (libva…)
    // are found through LD_LIBRARY_PATH pointing at the same extracted directory.
    String libDir = FfmpegBinaries.libraryDirectory();
    String existing = System.getenv("LD_LIBRARY_PATH");
    pb.environment()
        .put(
            "LD_LIBRARY_PATH",
            existing == null || existing.isEmpty() ? libDir : libDir + ":" + existing);
    Process process = pb.start();
    StreamCollector out = new StreamCollector(process.getInputStream(), Integer.MAX_VALUE, null);
    StreamCollector err = new StreamCollector(process.getErrorStream(), STDERR_TAIL_BYTES, watch);
    out.start();
    err.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new TimeoutException(
            "timed out after "
                + timeout.toMillis() / 1000.0
                + " s and was killed: "
                + String.join(" ", command.subList(0, Math.min(3, command.size()))));
      }
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    out.join();
    err.join();
    return new Result(process.exitValue(), out.text(), err.text(), err.watched());
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

    private final Pattern watch;
    private final StringBuilder line = new StringBuilder();
    private String watched;

    StreamCollector(InputStream in, int keepBytes, Pattern watch) {
      super("child-process-stream");
      setDaemon(true);
      this.in = in;
      this.keepBytes = keepBytes;
      this.watch = watch;
    }

    /** Feeds the watched pattern whole lines (bytes as Latin-1: the markers are ASCII). */
    private void scan(byte[] chunk, int n) {
      if (watch == null || watched != null) {
        return;
      }
      for (int i = 0; i < n && watched == null; i++) {
        char c = (char) (chunk[i] & 0xff);
        if (c == '\n' || c == '\r') {
          if (line.length() > 0 && watch.matcher(line).matches()) {
            watched = line.toString();
          }
          line.setLength(0);
        } else if (line.length() < 4096) {
          line.append(c);
        }
      }
    }

    String watched() {
      synchronized (buffer) {
        return watched;
      }
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) {
          synchronized (buffer) {
            scan(chunk, n);
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
