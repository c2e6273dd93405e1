package io.hlsforge.pack;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.Ebur128Summary;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.LoudnessCommands;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.plan.PlannedRendition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs loudness measurements ({@link LoudnessCommands#measure}) as supervised children, as few as
 * the log each child leaves allows, and reads their meters' summaries.
 */
final class LoudnessMeter {
  private LoudnessMeter() {}

  /**
   * Meters per loudness child: ffmpeg prints each meter's summary (about 340 bytes) at the end of
   * its log, and only the child's last 4000 bytes of stderr are kept.
   */
  private static final int METERS_PER_CHILD = 6;

  /**
   * The loudness of the source as each of {@code fromSource} carries it, then of each rendition's
   * local playlist ({@link LoudnessCommands#measure}), in that order: one child for up to {@link
   * #METERS_PER_CHILD} meters (a title with few audio renditions needs one).
   */
  static List<Ebur128Summary> measure(
      HlsforgeSettings settings,
      Path source,
      Path out,
      ProbeResult probe,
      List<PlannedRendition> unit,
      List<PlannedRendition> fromSource,
      List<Path> playlists,
      int threads)
      throws MediaException, InterruptedException, IOException {
    List<Ebur128Summary> summaries = new ArrayList<>();
    int meters = fromSource.size() + playlists.size();
    for (int from = 0; from < meters; from += METERS_PER_CHILD) {
      int to = Math.min(meters, from + METERS_PER_CHILD);
      List<PlannedRendition> sources =
          fromSource.subList(Math.min(from, fromSource.size()), Math.min(to, fromSource.size()));
      List<Path> published =
          playlists.subList(
              Math.max(0, from - fromSource.size()), Math.max(0, to - fromSource.size()));
      summaries.addAll(
          run(
              settings,
              LoudnessCommands.measure(
                  FfmpegBinaries.ffmpeg(),
                  source,
                  probe,
                  settings,
                  unit,
                  sources,
                  published,
                  threads),
              to - from,
              probe.titleSeconds(),
              out,
              published.isEmpty() ? "the source audio" : "the audio renditions"));
    }
    return summaries;
  }

  /** The summaries of the command's meters, in graph order; exactly {@code expected} of them. */
  private static List<Ebur128Summary> run(
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
