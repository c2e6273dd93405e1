package io.hlsforge.media;

import io.hlsforge.config.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Probes a local file with the bundled ffprobe, run as a supervised child process. */
public final class MediaProber {
  private final Duration timeout;
  private final InputSpec limits;

  /** A prober that reports whatever the file declares (validation, tests). */
  public MediaProber(Duration timeout) {
    this(timeout, null);
  }

  /** A prober that refuses sources beyond {@code limits} (the pipeline's probe stage). */
  public MediaProber(Duration timeout, InputSpec limits) {
    this.timeout = timeout;
    this.limits = limits;
  }

  public ProbeResult probe(Path file) throws MediaException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(MediaException.Kind.INPUT_MISSING, "file does not exist: " + file);
    }
    // Untrusted input: local files (and pipes) only — a playlist or concat file pointing at a URL
    // is refused — and bounded probing, so a hostile header cannot make ffprobe read for ever.
    List<String> command =
        List.of(
            FfmpegBinaries.ffprobe(),
            "-v",
            "error",
            "-protocol_whitelist",
            "file,pipe",
            "-probesize",
            "50000000",
            "-analyzeduration",
            "30000000",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            file.toString());
    ChildProcess.Result result;
    try {
      result = ChildProcess.run(command, timeout, null);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(MediaException.Kind.TIMEOUT, "ffprobe " + e.getMessage());
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_CORRUPT, "cannot start ffprobe: " + e.getMessage(), e);
    }
    if (!result.succeeded()) {
      throw new MediaException(
          result.failureKind(MediaException.Kind.INPUT_CORRUPT), "ffprobe " + result.describe());
    }
    return FfprobeJsonParser.parse(result.stdout(), limits);
  }
}
