package io.hlsforge.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts one WebVTT document (as ffmpeg's webvtt encoder writes it from SRT, ASS, mov_text or WebVTT)
 * into the segments of a subtitle rendition. Pure.
 *
 * <p>Cue times stay on the title's timeline (0 = the start of the source); each segment starts with
 * {@code X-TIMESTAMP-MAP=MPEGTS:<t0>,LOCAL:00:00:00.000}, where {@code t0} is the 90 kHz timestamp
 * the package's media carry at title time 0, so players line cues up with the picture in MPEG-TS
 * and fMP4 packages alike (RFC 8216 §3.5). A cue that spans a segment boundary is written, with its
 * full timing, into every segment it overlaps, as the HLS authoring spec expects; cue text,
 * identifiers and cue settings are kept byte for byte.
 */
public final class WebVttSegmenter {
  private static final Pattern TIMING =
      Pattern.compile(
          "^\\s*((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})\\s+-->\\s+((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})(.*)$");

  private WebVttSegmenter() {}

  /** One cue: its times in seconds, the text of its timing line after the end time, its lines. */
  public record Cue(String id, double start, double end, String settings, String text) {}

  /** The cues of a WebVTT document, in document order; NOTE, STYLE and REGION blocks skipped. */
  public static List<Cue> parse(String vtt) {
    String text = vtt.replace("\r\n", "\n").replace('\r', '\n');
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.startsWith("WEBVTT")) {
      throw new IllegalArgumentException("Cannot read WebVTT: it does not start with WEBVTT");
    }
    List<Cue> cues = new ArrayList<>();
    for (String block : text.split("\n\n+")) {
      List<String> lines = new ArrayList<>(List.of(block.split("\n")));
      lines.removeIf(String::isEmpty);
      if (lines.isEmpty()) {
        continue;
      }
      int timingLine = -1;
      for (int i = 0; i < Math.min(2, lines.size()); i++) {
        if (lines.get(i).contains("-->")) {
          timingLine = i;
          break;
        }
      }
      if (timingLine < 0) {
        continue; // the header, NOTE, STYLE or REGION
      }
      Matcher m = TIMING.matcher(lines.get(timingLine));
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "Cannot read WebVTT cue timing: '" + lines.get(timingLine) + "'");
      }
      cues.add(
          new Cue(
              timingLine == 1 ? lines.get(0) : null,
              seconds(m.group(1)),
              seconds(m.group(2)),
              m.group(3),
              String.join("\n", lines.subList(timingLine + 1, lines.size()))));
    }
    return cues;
  }

  /**
   * The cues moved {@code seconds} earlier on the timeline (a title that starts after its
   * container's zero): cues that end before the new zero are dropped, one that straddles it starts
   * at 0.
   */
  public static List<Cue> earlier(List<Cue> cues, double seconds) {
    if (seconds <= 0) {
      return cues;
    }
    List<Cue> out = new ArrayList<>();
    for (Cue c : cues) {
      if (c.end() - seconds > 0) {
        out.add(
            new Cue(
                c.id(),
                Math.max(0, c.start() - seconds),
                c.end() - seconds,
                c.settings(),
                c.text()));
      }
    }
    return out;
  }

  /**
   * The segment covering title time {@code [from, to)}: every cue that overlaps it ({@code to}
   * infinite for the last segment, which also takes every later cue).
   */
  public static String segment(List<Cue> cues, double from, double to, long mpegts) {
    StringBuilder out =
        new StringBuilder("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:")
            .append(mpegts)
            .append(",LOCAL:00:00:00.000\n");
    for (Cue c : cues) {
      if (c.end() > from && c.start() < to) {
        out.append('\n');
        if (c.id() != null) {
          out.append(c.id()).append('\n');
        }
        out.append(timestamp(c.start()))
            .append(" --> ")
            .append(timestamp(c.end()))
            .append(c.settings())
            .append('\n')
            .append(c.text())
            .append('\n');
      }
    }
    return out.toString();
  }

  /** The 33-bit 90 kHz MPEG-TS timestamp of a media time in seconds. */
  public static long mpegts(double seconds) {
    return Math.floorMod(Math.round(seconds * 90_000), 1L << 33);
  }

  static double seconds(String t) {
    String[] parts = t.split(":");
    double s = Double.parseDouble(parts[parts.length - 1]);
    double m = Integer.parseInt(parts[parts.length - 2]);
    double h = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
    return h * 3600 + m * 60 + s;
  }

  static String timestamp(double seconds) {
    long ms = Math.round(seconds * 1000);
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d.%03d",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000);
  }
}
