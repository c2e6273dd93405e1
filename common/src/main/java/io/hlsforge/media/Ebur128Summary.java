package io.hlsforge.media;

import io.hlsforge.model.Loudness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary FFmpeg's {@code ebur128} filter logs when it ends (at log level info): integrated
 * loudness and its gate threshold, loudness range, and, with {@code peak=true}, the true peak. The
 * summaries of several meters come back in graph order. Pure.
 *
 * @param thresholdLufs the relative gate of the integrated measurement, what {@code loudnorm}'s
 *     second pass takes as {@code measured_thresh}
 */
public record Ebur128Summary(Loudness loudness, double thresholdLufs) {
  private static final Pattern INSTANCE =
      Pattern.compile("\\[Parsed_ebur128_(\\d+) @ [^]]*\\] Summary:");

  private static final Pattern SUMMARY =
      Pattern.compile(
          "Integrated loudness:\\s*I:\\s*(\\S+) LUFS\\s*Threshold:\\s*(\\S+) LUFS"
              + "\\s*Loudness range:\\s*LRA:\\s*(\\S+) LU"
              + "(?:.*?True peak:\\s*Peak:\\s*(\\S+) dBFS)?",
          Pattern.DOTALL);

  /**
   * Every summary in {@code log}, in the order of the filters in the graph: FFmpeg names each
   * instance {@code Parsed_ebur128_<its place in the graph>} and prints the summaries as the graph
   * is torn down, last filter first.
   */
  public static List<Ebur128Summary> parseAll(String log) {
    Matcher start = INSTANCE.matcher(log);
    List<Integer> places = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    while (start.find()) {
      places.add(Integer.parseInt(start.group(1)));
      offsets.add(start.end());
    }
    TreeMap<Integer, Ebur128Summary> byPlace = new TreeMap<>();
    for (int i = 0; i < offsets.size(); i++) {
      int end = i + 1 < offsets.size() ? offsets.get(i + 1) : log.length();
      int place = places.get(i);
      block(log.substring(offsets.get(i), end)).ifPresent(b -> byPlace.put(place, b));
    }
    return List.copyOf(byPlace.values());
  }

  private static Optional<Ebur128Summary> block(String text) {
    Matcher m = SUMMARY.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    Double peak = m.group(4) == null ? null : number(m.group(4));
    return Optional.of(
        new Ebur128Summary(
            new Loudness(
                number(m.group(1)),
                number(m.group(3)),
                peak == null || peak.isInfinite() ? null : peak),
            number(m.group(2))));
  }

  private static double number(String s) {
    return switch (s) {
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "inf" -> Double.POSITIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /** Integrated loudness at the absolute gate: the track is silent, nothing to normalise. */
  public boolean silent() {
    return loudness.integratedLufs() <= -69.9;
  }
}
