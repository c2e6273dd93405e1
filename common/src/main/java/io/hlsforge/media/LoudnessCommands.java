package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.LoudnessSpec;
import io.hlsforge.model.Loudness;
import io.hlsforge.plan.PlannedRendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loudness measurement and normalisation of audio renditions (docs/quality.md), one owner for the
 * places the audio chain appears: measuring the source as a rendition carries it (the first pass),
 * the {@code loudnorm} stage of the ladder's audio chain (the second), and measuring the rendition
 * as published. The source side and the ladder share {@link #carried}, so what is measured is
 * exactly what is normalised. Measurements run in one child per title and pass: each meter is a
 * chain of one graph. Pure.
 */
public final class LoudnessCommands {
  /** Loudness range loudnorm aims for when the source's own is narrower (its default). */
  private static final double DEFAULT_RANGE_LU = 7.0;

  /** The widest loudness range loudnorm takes as a target. */
  private static final double MAX_RANGE_LU = 50.0;

  /** ebur128 with true peak; its per-frame lines only at verbose, so info shows the summary. */
  private static final String METER = "ebur128=peak=true:framelog=verbose";

  private LoudnessCommands() {}

  /**
   * The rendition's channels as a layout, made explicit before the loudness stage: ffmpeg would
   * otherwise downmix after the filters (at the encoder), and the normaliser would see the source's
   * channels instead of what is published.
   */
  static String layout(int channels) {
    return switch (channels) {
      case 1 -> "mono";
      case 2 -> "stereo";
      case 6 -> "5.1";
      case 8 -> "7.1";
      default -> channels + "c";
    };
  }

  /**
   * The chain from the rendition's source audio to what it carries: on the title's timeline as the
   * ladder puts it there ({@link AudioTimeline#forUnit}), in its channel layout.
   */
  static String carried(ProbeResult probe, List<PlannedRendition> unit, PlannedRendition r) {
    return AudioTimeline.forUnit(OutputStreams.of(unit), probe).map(f -> f + ",").orElse("")
        + "aformat=channel_layouts="
        + layout(r.audioChannels());
  }

  /** The source audio a rendition is made from, as a filter graph input: a track or a pair. */
  static String input(PlannedRendition r, String label) {
    List<Integer> tracks = r.sourceTracks().isEmpty() ? List.of(0) : r.sourceTracks();
    if (r.joinsMonoPair()) {
      return "[0:a:"
          + tracks.get(0)
          + "][0:a:"
          + tracks.get(1)
          + "]join=inputs=2:channel_layout=stereo"
          + (label.isEmpty() ? "" : "[" + label + "]");
    }
    return "[0:a:" + tracks.get(0) + "]";
  }

  /**
   * A value within what loudnorm's option takes. Its linear mode also needs a measured loudness and
   * range other than exactly 0 (af_loudnorm.c): ebur128 prints the range of steady audio as 0.0,
   * which would otherwise force the dynamic mode.
   */
  private static double within(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  /**
   * One child that measures, in this order, the source as each of {@code fromSource} carries it
   * (the source read as the ladder reads the whole title) and each rendition in {@code playlists}
   * as published (decoded from its own segments). {@link Ebur128Summary#parseAll} gives the
   * summaries back in the same order.
   */
  public static List<String> measure(
      String ffmpeg,
      Path source,
      ProbeResult probe,
      HlsforgeSettings s,
      List<PlannedRendition> unit,
      List<PlannedRendition> fromSource,
      List<Path> playlists,
      int threads) {
    if (fromSource.isEmpty() && playlists.isEmpty()) {
      throw new IllegalArgumentException("Cannot measure the loudness of nothing");
    }
    // Info level for the meters' summaries; -nostats keeps the progress line out of them.
    List<String> cmd =
        new ArrayList<>(
            List.of(ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info", "-y"));
    if (!fromSource.isEmpty()) {
      cmd.addAll(InputArgs.asLadder(source, s, probe, unit, null, threads));
    }
    for (Path p : playlists) {
      cmd.addAll(InputArgs.ofPlaylist(p, threads));
    }
    List<String> chains = new ArrayList<>();
    for (int i = 0; i < fromSource.size(); i++) {
      PlannedRendition r = fromSource.get(i);
      String carried = carried(probe, unit, r) + "," + METER + "[s" + i + "]";
      chains.add(
          r.joinsMonoPair()
              ? input(r, "pair" + i) + ";[pair" + i + "]" + carried
              : input(r, "") + carried);
    }
    int first = fromSource.isEmpty() ? 0 : 1;
    for (int j = 0; j < playlists.size(); j++) {
      chains.add("[" + (first + j) + ":a:0]" + METER + "[p" + j + "]");
    }
    cmd.addAll(List.of("-filter_complex", String.join(";", chains)));
    for (int i = 0; i < fromSource.size(); i++) {
      cmd.addAll(List.of("-map", "[s" + i + "]"));
    }
    for (int j = 0; j < playlists.size(); j++) {
      cmd.addAll(List.of("-map", "[p" + j + "]"));
    }
    cmd.addAll(List.of("-f", "null", "-"));
    return cmd;
  }

  /**
   * The second pass's chain for one rendition: its carried chain and loudnorm given the first
   * pass's values, linear (one gain for the whole title) where the range and peak allow; empty when
   * normalisation is off or the source is silent.
   */
  public static Optional<String> normalised(
      ProbeResult probe,
      List<PlannedRendition> unit,
      PlannedRendition r,
      LoudnessSpec spec,
      Ebur128Summary measured) {
    if (!spec.normalises() || measured == null || measured.silent()) {
      return Optional.empty();
    }
    Loudness l = measured.loudness();
    double range = Math.min(MAX_RANGE_LU, Math.max(DEFAULT_RANGE_LU, Math.ceil(l.rangeLu() + 1)));
    double peak = l.truePeakDbtp() == null ? -99 : within(l.truePeakDbtp(), -99, 99);
    return Optional.of(
        carried(probe, unit, r)
            + String.format(
                Locale.ROOT,
                ",loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_LRA=%.2f"
                    + ":measured_TP=%.2f:measured_thresh=%.2f:linear=true:print_format=none",
                spec.targetLufs(),
                spec.truePeakCeilingDbtp(),
                range,
                within(l.integratedLufs(), -99, -0.01),
                within(l.rangeLu(), 0.1, 99),
                peak,
                within(measured.thresholdLufs(), -99, 0)));
  }
}
