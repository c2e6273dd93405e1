package io.hlsforge.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hlsforge.config.InputSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code ffprobe -print_format json -show_format -show_streams} output into a {@link
 * ProbeResult}. Pure: no process, no file.
 */
public final class FfprobeJsonParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FfprobeJsonParser() {}

  /**
   * @throws MediaException INPUT_UNSUPPORTED when there is neither a video nor an audio stream
   */
  public static ProbeResult parse(String json) throws MediaException {
    return parse(json, null);
  }

  /**
   * @param limits when not null, a video stream declaring frames beyond them is refused
   *     (INPUT_LIMIT_EXCEEDED) before anything else is judged
   */
  public static ProbeResult parse(String json, InputSpec limits) throws MediaException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_CORRUPT, "ffprobe printed unreadable JSON: " + e.getMessage());
    }
    JsonNode format = root.path("format");
    JsonNode video = null;
    JsonNode audio = null;
    List<AudioTrack> audioTracks = new ArrayList<>();
    List<SubtitleTrack> subtitleTracks = new ArrayList<>();
    for (JsonNode s : root.path("streams")) {
      String type = s.path("codec_type").asText();
      boolean attachedPicture = s.path("disposition").path("attached_pic").asInt(0) == 1;
      if ("video".equals(type) && video == null && !attachedPicture) {
        video = s;
      } else if ("audio".equals(type)) {
        audio = audio == null ? s : audio;
        audioTracks.add(audioTrack(audioTracks.size(), s));
      } else if ("subtitle".equals(type)) {
        subtitleTracks.add(subtitleTrack(subtitleTracks.size(), s));
      }
    }
    if (video == null && audio == null) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNSUPPORTED, "no video or audio stream found");
    }
    if (video != null && limits != null) {
      InputLimits.checkFrameSize(
          video.path("width").asInt(0), video.path("height").asInt(0), limits);
    }
    double duration = format.path("duration").asDouble(0);
    if (duration <= 0 && video != null) {
      duration = video.path("duration").asDouble(0);
    }
    if (duration <= 0 && audio != null) {
      duration = audio.path("duration").asDouble(0);
    }
    if (duration <= 0) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNSUPPORTED, "duration is unknown or zero");
    }
    int[] sar =
        video == null
            ? new int[] {1, 1}
            : ratio(video.path("sample_aspect_ratio").asText("1:1"), ':');
    return new ProbeResult(
        format.path("format_name").asText(null),
        duration,
        format.path("bit_rate").asLong(0),
        video == null ? null : video.path("codec_name").asText(null),
        video == null ? null : video.path("profile").asText(null),
        video == null ? 0 : video.path("level").asInt(0),
        video == null ? 0 : video.path("width").asInt(0),
        video == null ? 0 : video.path("height").asInt(0),
        sar[0],
        sar[1],
        video == null ? 0 : frameRate(video),
        video == null ? 0 : rate(video.path("r_frame_rate").asText("0/0")),
        video != null && isInterlaced(video.path("field_order").asText("progressive")),
        video == null ? 0 : rotation(video),
        audio == null ? null : audio.path("codec_name").asText(null),
        audio == null ? 0 : audio.path("channels").asInt(0),
        audio == null ? 0 : audio.path("sample_rate").asInt(0),
        audio == null ? null : tag(audio, "language"),
        audioTracks,
        subtitleTracks,
        format.path("start_time").asDouble(0),
        video == null
            ? 0
            : video.path("start_time").asDouble(format.path("start_time").asDouble(0)),
        video == null ? 0 : streamDuration(video),
        video == null ? VideoColour.UNKNOWN : colour(video));
  }

  /**
   * A stream's own duration: ffprobe's {@code duration}, or Matroska's {@code DURATION} tag ({@code
   * 00:00:03.000000000}); 0 when neither says.
   */
  private static double streamDuration(JsonNode stream) {
    double d = stream.path("duration").asDouble(0);
    if (d > 0) {
      return d;
    }
    String tag = tag(stream, "DURATION");
    if (tag == null) {
      return 0;
    }
    String[] hms = tag.split(":");
    try {
      return hms.length == 3
          ? Integer.parseInt(hms[0]) * 3600
              + Integer.parseInt(hms[1]) * 60
              + Double.parseDouble(hms[2])
          : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static VideoColour colour(JsonNode video) {
    return new VideoColour(
        text(video, "pix_fmt"),
        text(video, "color_primaries"),
        text(video, "color_transfer"),
        text(video, "color_space"),
        text(video, "color_range"));
  }

  /** A field's text; null when absent or "unknown". */
  private static String text(JsonNode node, String field) {
    String v = node.path(field).asText(null);
    return v == null || v.isBlank() || v.equals("unknown") ? null : v;
  }

  private static AudioTrack audioTrack(int index, JsonNode s) {
    JsonNode d = s.path("disposition");
    return new AudioTrack(
        index,
        s.path("codec_name").asText(null),
        s.path("channels").asInt(0),
        s.path("sample_rate").asInt(0),
        tag(s, "language"),
        tag(s, "title"),
        d.path("default").asInt(0) == 1,
        d.path("comment").asInt(0) == 1,
        d.path("visual_impaired").asInt(0) == 1);
  }

  private static SubtitleTrack subtitleTrack(int index, JsonNode s) {
    JsonNode d = s.path("disposition");
    return new SubtitleTrack(
        index,
        s.path("codec_name").asText(null),
        tag(s, "language"),
        tag(s, "title"),
        d.path("default").asInt(0) == 1,
        d.path("forced").asInt(0) == 1,
        d.path("hearing_impaired").asInt(0) == 1);
  }

  /** A stream tag; Matroska writes some in upper case ({@code LANGUAGE}, {@code TITLE}). */
  private static String tag(JsonNode stream, String name) {
    JsonNode tags = stream.path("tags");
    String v = tags.path(name).asText(null);
    if (v == null) {
      v = tags.path(name.toUpperCase(Locale.ROOT)).asText(null);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static double frameRate(JsonNode video) {
    double avg = rate(video.path("avg_frame_rate").asText("0/0"));
    return avg > 0 ? avg : rate(video.path("r_frame_rate").asText("0/0"));
  }

  /** tt, bb, tb, bt are interlaced field orders; progressive and unknown are not. */
  private static boolean isInterlaced(String fieldOrder) {
    return switch (fieldOrder) {
      case "tt", "bb", "tb", "bt" -> true;
      default -> false;
    };
  }

  private static double rate(String fraction) {
    int[] r = ratio(fraction, '/');
    return r[1] == 0 ? 0 : (double) r[0] / r[1];
  }

  /** "a:b" → {a, b}; "0:1" or garbage → {1, 1} (square pixels), as players assume. */
  private static int[] ratio(String text, char sep) {
    int i = text.indexOf(sep);
    try {
      int a = Integer.parseInt(text.substring(0, i));
      int b = Integer.parseInt(text.substring(i + 1));
      if (sep == ':' && (a <= 0 || b <= 0)) {
        return new int[] {1, 1};
      }
      return new int[] {a, b};
    } catch (RuntimeException e) {
      return sep == ':' ? new int[] {1, 1} : new int[] {0, 0};
    }
  }

  /** Rotation from the display matrix side data (ffmpeg ≥ 5) or the legacy 'rotate' tag. */
  private static int rotation(JsonNode video) {
    double degrees = 0;
    for (JsonNode sd : video.path("side_data_list")) {
      if (sd.has("rotation")) {
        degrees = sd.path("rotation").asDouble(0);
      }
    }
    if (degrees == 0 && video.path("tags").has("rotate")) {
      degrees = -video.path("tags").path("rotate").asDouble(0);
    }
    // Display-matrix rotation is counter-clockwise; report the clockwise angle a player applies.
    int cw = (int) Math.round(-degrees) % 360;
    return cw < 0 ? cw + 360 : cw;
  }
}
