package io.hlsforge.jobs;

import java.util.ArrayList;
import java.util.List;

/** Test-side readings of published playlists, written independently of the production writers. */
final class TestMediaFacts {
  private TestMediaFacts() {}

  record Extinf(double seconds, String uri) {}

  static List<Extinf> segments(String mediaPlaylist) {
    List<Extinf> out = new ArrayList<>();
    String[] lines = mediaPlaylist.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("#EXTINF:")) {
        out.add(
            new Extinf(
                Double.parseDouble(lines[i].substring(8, lines[i].indexOf(','))), lines[i + 1]));
      }
    }
    return out;
  }

  static String attribute(String streamInf, String name) {
    int at = streamInf.indexOf(name + "=");
    if (at < 0) {
      return null;
    }
    int start = at + name.length() + 1;
    if (streamInf.charAt(start) == '"') {
      return streamInf.substring(start + 1, streamInf.indexOf('"', start + 1));
    }
    int end = streamInf.indexOf(',', start);
    return end < 0 ? streamInf.substring(start) : streamInf.substring(start, end);
  }

  /** RFC 8216 peak: max bits/s over contiguous runs lasting 0.5..1.5 × target duration. */
  static double peakBitsPerSecond(double[] seconds, long[] bytes, int target) {
    double best = 0;
    for (int i = 0; i < seconds.length; i++) {
      double dur = 0;
      double bits = 0;
      for (int j = i; j < seconds.length && dur + seconds[j] <= 1.5 * target; j++) {
        dur += seconds[j];
        bits += bytes[j] * 8.0;
        if (dur >= 0.5 * target) {
          best = Math.max(best, bits / dur);
        }
      }
    }
    return best;
  }
}
