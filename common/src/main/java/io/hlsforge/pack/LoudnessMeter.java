package io.hlsforge.pack;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.Ebur128Summary;
import io.hlsforge.media.MediaException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the loudness meter ({@link io.hlsforge.media.LoudnessCommands}) over the source as a
 * rendition carries it, or over a rendition as published, as a supervised child.
 */
final class LoudnessMeter {
  private LoudnessMeter() {}

  static Ebur128Summary measure(
      HlsforgeSettings settings,
      List<String> command,
      double mediaSeconds,
      Path workDir,
      String what)
      throws MediaException, InterruptedException, IOException {
    ChildProcess.Result result;
    try {
      result =
          ChildProcess.run(
              ChildProcess.withMemoryLimit(command, settings.ffmpegMemoryLimit()),
              settings.ffmpegTimeout(mediaSeconds),
              workDir);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(
          MediaException.Kind.TIMEOUT,
          "ffmpeg measuring the loudness of " + what + " " + e.getMessage());
    }
    if (!result.succeeded()) {
      MediaException.Kind kind = result.failureKind(MediaException.Kind.ENCODE_FAILED);
      throw new MediaException(
          kind,
          "cannot measure the loudness of "
              + what
              + ": ffmpeg "
              + (kind == MediaException.Kind.ENCODE_FAILED
                  ? "exited " + result.exitCode() + ": " + result.stderrTail().strip()
                  : result.describe()));
    }
    return Ebur128Summary.parse(result.stderrTail())
        .orElseThrow(
            () ->
                new MediaException(
                    MediaException.Kind.ENCODE_FAILED,
                    "cannot measure the loudness of "
                        + what
                        + ": ffmpeg printed no ebur128 summary: "
                        + result.stderrTail().strip()));
  }
}
