package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.QualityMetric;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one ffmpeg command that measures the picture quality of a unit's video renditions
 * (docs/quality.md). The source is read as the ladder read it (same seek, chunk and threads) and
 * decoded once; it is normalised as the ladder normalised it ({@link VideoFilterGraph#reference})
 * and scaled to its display size, then split to every comparison. Each rendition is decoded from
 * the segments ffmpeg wrote for it (its local playlist), scaled with bicubic to the same display
 * size, and compared frame by frame: the metrics are chained, each passing the rendition's picture
 * on to the next, and each writes its per-frame values to a stats file in the child's working
 * directory ({@link #statsFile}). Both sides start at time 0 and stop with the shorter. Pure.
 */
public final class QualityCommand {
  private QualityCommand() {}

  /** The per-frame values of {@code metric} for the {@code i}-th measured rendition. */
  public static String statsFile(int i, QualityMetric metric) {
    return "q" + i + "-" + metric.word() + ".log";
  }

  /**
   * @param video the renditions to measure (re-encoded video), in order
   * @param playlists each one's local playlist, in the same order
   */
  public static List<String> build(
      String ffmpeg,
      Path source,
      ProbeResult probe,
      HlsforgeSettings s,
      ChunkPlanner.Chunk chunk,
      int threads,
      List<PlannedRendition> video,
      List<Path> playlists) {
    if (video.isEmpty() || video.size() != playlists.size()) {
      throw new IllegalArgumentException(
          "Cannot measure " + video.size() + " renditions from " + playlists.size() + " playlists");
    }
    List<QualityMetric> metrics = s.quality().metrics();
    List<String> cmd =
        new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
    cmd.addAll(InputArgs.asLadder(source, s, probe, video, chunk, threads));
    for (Path p : playlists) {
      cmd.addAll(InputArgs.ofPlaylist(p, threads));
    }
    String display = probe.displayWidth() + ":" + probe.displayHeight();
    StringBuilder g = new StringBuilder();
    boolean hasSdr = video.stream().anyMatch(r -> !r.isHdr());
    boolean hasHdr = video.stream().anyMatch(PlannedRendition::isHdr);
    String sdrIn = "[0:v]";
    String hdrIn = "[0:v]";
    if (hasSdr && hasHdr) {
      g.append("[0:v]split=2[qsdr][qhdr];");
      sdrIn = "[qsdr]";
      hdrIn = "[qhdr]";
    }
    if (hasSdr) {
      reference(g, sdrIn, probe, chunk, false, display, video, metrics.size());
    }
    if (hasHdr) {
      reference(g, hdrIn, probe, chunk, true, display, video, metrics.size());
    }
    for (int i = 0; i < video.size(); i++) {
      g.append(";[")
          .append(i + 1)
          .append(":v]")
          .append(toCompare(display, video.get(i).isHdr()))
          .append("[d")
          .append(i)
          .append("m0]");
      for (int m = 0; m < metrics.size(); m++) {
        g.append(";[d")
            .append(i)
            .append('m')
            .append(m)
            .append("][r")
            .append(i)
            .append('m')
            .append(m)
            .append(']')
            .append(metrics.get(m).filter())
            .append("=stats_file=")
            .append(statsFile(i, metrics.get(m)))
            .append(":shortest=1[d")
            .append(i)
            .append('m')
            .append(m + 1)
            .append(']');
      }
    }
    cmd.addAll(List.of("-filter_complex", g.toString()));
    for (int i = 0; i < video.size(); i++) {
      cmd.addAll(List.of("-map", "[d" + i + "m" + metrics.size() + "]"));
    }
    cmd.addAll(List.of("-f", "null", "-"));
    return cmd;
  }

  /** One branch's reference, split once per metric of each of its renditions: [r{i}m{m}]. */
  private static void reference(
      StringBuilder g,
      String in,
      ProbeResult probe,
      ChunkPlanner.Chunk chunk,
      boolean hdr,
      String display,
      List<PlannedRendition> video,
      int metrics) {
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < video.size(); i++) {
      if (video.get(i).isHdr() == hdr) {
        members.add(i);
      }
    }
    if (g.length() > 0 && g.charAt(g.length() - 1) != ';') {
      g.append(';');
    }
    g.append(in)
        .append(VideoFilterGraph.reference(probe, chunk, hdr))
        .append(',')
        .append(toCompare(display, hdr))
        .append(",split=")
        .append(members.size() * metrics);
    for (int i : members) {
      for (int m = 0; m < metrics; m++) {
        g.append("[r").append(i).append('m').append(m).append(']');
      }
    }
  }

  /**
   * Both sides of a comparison: at the source's display size (bicubic, square pixels), in the
   * rendition's sample format, timed from 0; then its luma plane alone (the metrics are kept for
   * luma only, and their luma values are the same as over the whole picture, without the cost of
   * the chroma planes).
   */
  private static String toCompare(String display, boolean hdr) {
    return "scale="
        + display
        + ":flags=bicubic,setsar=1,format="
        + (hdr ? "yuv420p10le" : "yuv420p")
        + ",setpts=PTS-STARTPTS,extractplanes=y";
  }
}
