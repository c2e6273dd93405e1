package io.hlsforge.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Probes a local file with the bundled ffprobe, run as a supervised child process. */
public final class MediaProber {
  private final Duration timeout;

  public MediaProber(Duration timeout) {
    this.timeout = timeout;
  }

  public ProbeResult probe(Path file) throws MediaException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(MediaException.Kind.SOURCE_MISSING, "file does not exist: " + file);
    }
    List<String> command =
        List.of(FfmpegBinaries.ffprobe(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString());
    ChildProcess.Result result;
    try {
      result = ChildProcess.run(command, timeout, null);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(MediaException.Kind.TIMEOUT, "ffprobe " + e.getMessage());
    } catch (IOException e) {
      throw new MediaException(MediaException.Kind.PROBE_FAILED, "cannot start ffprobe: " + e.getMessage(), e);
    }
    if (!result.succeeded()) {
      throw new MediaException(
          MediaException.Kind.PROBE_FAILED, "ffprobe exited " + result.exitCode() + ": " + lastLine(result.stderrTail()));
    }
    return FfprobeJsonParser.parse(result.stdout());
  }

  static String lastLine(String text) {
    String t = text.strip();
    int nl = t.lastIndexOf('\n');
    return nl < 0 ? t : t.substring(nl + 1);
  }
}
