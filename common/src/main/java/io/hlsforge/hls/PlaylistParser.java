package io.hlsforge.hls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerant M3U8 reader for validation: it records what a playlist says (tags, attribute lists,
 * segments, byte ranges) without judging it, so the validator can report every problem with its
 * rule instead of failing on the first. Works on playlists from any packager. Pure.
 */
public final class PlaylistParser {
  private PlaylistParser() {}

  /**
   * A tag with an attribute list, e.g. EXT-X-STREAM-INF, and the URI line after it when there is
   * one.
   */
  public record Tagged(String tag, Map<String, String> attributes, String uri) {
    public String get(String name) {
      return attributes.get(name);
    }
  }

  public record Master(
      int version,
      boolean independentSegments,
      List<Tagged> variants,
      List<Tagged> media,
      List<Tagged> iframeStreams) {}

  /** One media segment; {@code length} -1 when the segment has no byte range. */
  public record Segment(
      double duration, String uri, long length, long offset, boolean discontinuity) {}

  public record Media(
      int version,
      Integer targetDuration,
      String playlistType,
      boolean endList,
      boolean independentSegments,
      boolean iFramesOnly,
      String mapUri,
      List<Segment> segments,
      List<String> problems) {}

  public static boolean isMaster(String text) {
    return text.contains("#EXT-X-STREAM-INF")
        || text.contains("#EXT-X-I-FRAME-STREAM-INF") && !text.contains("#EXTINF");
  }

  public static Master parseMaster(String text) {
    int version = 1;
    boolean independent = false;
    List<Tagged> variants = new ArrayList<>();
    List<Tagged> media = new ArrayList<>();
    List<Tagged> iframes = new ArrayList<>();
    Map<String, String> pendingStreamInf = null;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#EXT-X-VERSION:")) {
        version = parseInt(line.substring(15), 1);
      } else if (line.equals("#EXT-X-INDEPENDENT-SEGMENTS")) {
        independent = true;
      } else if (line.startsWith("#EXT-X-STREAM-INF:")) {
        pendingStreamInf = attributes(line.substring(18));
      } else if (line.startsWith("#EXT-X-MEDIA:")) {
        Map<String, String> a = attributes(line.substring(13));
        media.add(new Tagged("EXT-X-MEDIA", a, a.get("URI")));
      } else if (line.startsWith("#EXT-X-I-FRAME-STREAM-INF:")) {
        Map<String, String> a = attributes(line.substring(26));
        iframes.add(new Tagged("EXT-X-I-FRAME-STREAM-INF", a, a.get("URI")));
      } else if (!line.startsWith("#") && pendingStreamInf != null) {
        variants.add(new Tagged("EXT-X-STREAM-INF", pendingStreamInf, line));
        pendingStreamInf = null;
      }
    }
    return new Master(version, independent, variants, media, iframes);
  }

  public static Media parseMedia(String text) {
    int version = 1;
    Integer target = null;
    String type = null;
    boolean endList = false;
    boolean independent = false;
    boolean iframesOnly = false;
    String map = null;
    List<Segment> segments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Double duration = null;
    long length = -1;
    long offset = 0;
    long nextOffset = 0;
    boolean discontinuity = false;
    String previousUri = null;
    String[] lines = text.split("\\R");
    if (lines.length == 0 || !lines[0].strip().equals("#EXTM3U")) {
      problems.add("the first line is not #EXTM3U");
    }
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#EXT-X-VERSION:")) {
        version = parseInt(line.substring(15), 1);
      } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
        target = parseInt(line.substring(22), -1);
      } else if (line.startsWith("#EXT-X-PLAYLIST-TYPE:")) {
        type = line.substring(21).toUpperCase(Locale.ROOT);
      } else if (line.equals("#EXT-X-ENDLIST")) {
        endList = true;
      } else if (line.equals("#EXT-X-INDEPENDENT-SEGMENTS")) {
        independent = true;
      } else if (line.equals("#EXT-X-I-FRAMES-ONLY")) {
        iframesOnly = true;
      } else if (line.equals("#EXT-X-DISCONTINUITY")) {
        discontinuity = true;
      } else if (line.startsWith("#EXT-X-MAP:")) {
        map = attributes(line.substring(11)).get("URI");
      } else if (line.startsWith("#EXTINF:")) {
        String v = line.substring(8);
        int comma = v.indexOf(',');
        try {
          duration = Double.parseDouble(comma < 0 ? v : v.substring(0, comma));
        } catch (NumberFormatException e) {
          problems.add("unreadable " + line);
          duration = 0.0;
        }
      } else if (line.startsWith("#EXT-X-BYTERANGE:")) {
        String v = line.substring(17);
        int at = v.indexOf('@');
        length = parseLong(at < 0 ? v : v.substring(0, at));
        offset = at < 0 ? -1 : parseLong(v.substring(at + 1));
      } else if (!line.startsWith("#")) {
        if (duration == null) {
          problems.add("URI '" + line + "' has no #EXTINF before it");
          duration = 0.0;
        }
        long o =
            length < 0 ? 0 : offset >= 0 ? offset : (line.equals(previousUri) ? nextOffset : 0);
        segments.add(new Segment(duration, line, length, o, discontinuity));
        nextOffset = length < 0 ? 0 : o + length;
        previousUri = line;
        duration = null;
        length = -1;
        offset = 0;
        discontinuity = false;
      }
    }
    return new Media(
        version, target, type, endList, independent, iframesOnly, map, segments, problems);
  }

  /** Parses an attribute list: {@code KEY=value,KEY="quoted, with commas"}; quotes are removed. */
  public static Map<String, String> attributes(String list) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < list.length()) {
      int eq = list.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = list.substring(i, eq).strip();
      int j = eq + 1;
      String value;
      if (j < list.length() && list.charAt(j) == '"') {
        int close = list.indexOf('"', j + 1);
        close = close < 0 ? list.length() : close;
        value = list.substring(j + 1, close);
        j = close + 1;
      } else {
        int comma = list.indexOf(',', j);
        comma = comma < 0 ? list.length() : comma;
        value = list.substring(j, comma).strip();
        j = comma;
      }
      out.put(key, value);
      int comma = list.indexOf(',', j);
      i = comma < 0 ? list.length() : comma + 1;
    }
    return out;
  }

  private static int parseInt(String s, int fallback) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
