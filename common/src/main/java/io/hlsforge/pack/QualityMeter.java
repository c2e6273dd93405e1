package io.hlsforge.pack;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.QualityMetric;
import io.hlsforge.hls.LocalPlaylistReader;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.LadderCommandBuilder;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.QualityCommand;
import io.hlsforge.media.QualityStats;
import io.hlsforge.model.PictureQuality;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the picture quality of a unit's re-encoded video renditions right after the ladder wrote
 * them, from the same local segments that are then uploaded ({@link QualityCommand}: one child, one
 * more decode of the source for all rungs), and gives each segment the mean over its frames.
 */
final class QualityMeter {
  private QualityMeter() {}

  /** Per rendition name, one quality per segment of its local playlist, in order. */
  static Map<String, List<PictureQuality>> measure(
      HlsforgeSettings settings,
      Path source,
      Path out,
      ProbeResult probe,
      List<PlannedRendition> video,
      ChunkPlanner.Chunk chunk,
      int threads)
      throws MediaException, InterruptedException, IOException {
    if (!settings.quality().enabled() || video.isEmpty()) {
      return Map.of();
    }
    Path dir = Files.createDirectories(out.resolve("quality"));
    List<Path> playlists =
        video.stream()
            .map(r -> out.resolve(r.name()).resolve(LadderCommandBuilder.LOCAL_PLAYLIST))
            .toList();
    List<String> command =
        ChildProcess.withMemoryLimit(
            QualityCommand.build(
                FfmpegBinaries.ffmpeg(), source, probe, settings, chunk, threads, video, playlists),
            settings.ffmpegMemoryLimit());
    ChildProcess.Result result;
    try {
      result =
          ChildProcess.run(
              command,
              // Every rung compared at the source's display size can take longer than encoding it:
              // twice the encode's allowance.
              settings.ffmpegTimeout(2 * ChunkPlanner.Chunk.seconds(probe.titleSeconds(), chunk)),
              dir);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(
          MediaException.Kind.TIMEOUT, "ffmpeg measuring picture quality " + e.getMessage());
    }
    if (!result.succeeded()) {
      throw result.ffmpegFailure("cannot measure picture quality: ");
    }
    double fps = video.get(0).frameRate();
    Map<String, List<PictureQuality>> bySegment = new HashMap<>();
    for (int i = 0; i < video.size(); i++) {
      Map<QualityMetric, double[]> frames = new HashMap<>();
      for (QualityMetric m : settings.quality().metrics()) {
        Path stats = dir.resolve(QualityCommand.statsFile(i, m));
        try (Stream<String> lines = Files.lines(stats)) {
          frames.put(m, QualityStats.perFrame(m, lines));
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
          // What ffmpeg wrote is not what it writes: its failure, like a malformed segment.
          throw new MediaException(
              MediaException.Kind.ENCODE_FAILED,
              "cannot read the "
                  + m.word()
                  + " stats of rendition "
                  + video.get(i).name()
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
      List<Double> durations =
          LocalPlaylistReader.read(Files.readString(playlists.get(i))).stream()
              .map(LocalPlaylistReader.Entry::durationSeconds)
              .toList();
      bySegment.put(video.get(i).name(), perSegment(frames, durations, fps));
    }
    return bySegment;
  }

  /**
   * Each segment's mean over its frames. Frame k is shown at k / fps from the rendition's start; it
   * belongs to the segment whose span (the playlist's durations laid end to end) holds its middle.
   * A segment no frame was compared in (the comparison stopped with the shorter side) has none.
   */
  static List<PictureQuality> perSegment(
      Map<QualityMetric, double[]> frames, List<Double> durations, double fps) {
    int count = frames.values().stream().mapToInt(a -> a.length).min().orElse(0);
    double[] ends = new double[durations.size()];
    double t = 0;
    for (int s = 0; s < durations.size(); s++) {
      t += durations.get(s);
      ends[s] = t;
    }
    List<List<Integer>> members = new ArrayList<>();
    durations.forEach(d -> members.add(new ArrayList<>()));
    int segment = 0;
    for (int k = 0; k < count; k++) {
      double middle = (k + 0.5) / fps;
      while (segment < ends.length - 1 && middle >= ends[segment]) {
        segment++;
      }
      members.get(segment).add(k);
    }
    List<PictureQuality> out = new ArrayList<>();
    for (List<Integer> ks : members) {
      out.add(
          ks.isEmpty()
              ? null
              : new PictureQuality(
                  ks.size(),
                  mean(frames.get(QualityMetric.PSNR), ks),
                  mean(frames.get(QualityMetric.SSIM), ks),
                  mean(frames.get(QualityMetric.XPSNR), ks)));
    }
    return out;
  }

  private static Double mean(double[] values, List<Integer> ks) {
    if (values == null) {
      return null;
    }
    double sum = 0;
    for (int k : ks) {
      sum += values[k];
    }
    return sum / ks.size();
  }
}
