package io.hlsforge.pack;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.Ebur128Summary;
import io.hlsforge.media.MediaException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a loudness measurement ({@link io.hlsforge.media.LoudnessCommands#measure}) as a supervised
 * child and reads its meters' summaries.
 */
final class LoudnessMeter {
  private LoudnessMeter() {}

  /** The summaries of the command's meters, in graph order; exactly {@code expected} of them. */
  static List<Ebur128Summary> measure(
      HlsforgeSettings settings,
      List<String> command,
      int expected,
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
      throw result.ffmpegFailure("cannot measure the loudness of " + what + ": ");
    }
    List<Ebur128Summary> summaries = Ebur128Summary.parseAll(result.stderrTail());
    if (summaries.size() != expected) {
      throw new MediaException(
          MediaException.Kind.ENCODE_FAILED,
          "cannot measure the loudness of "
              + what
              + ": ffmpeg printed "
              + summaries.size()
              + " ebur128 summaries, not "
              + expected
              + ": "
              + result.stderrTail().strip());
    }
    return summaries;
  }
}
