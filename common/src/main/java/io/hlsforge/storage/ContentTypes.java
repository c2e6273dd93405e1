package io.hlsforge.storage;

import java.util.Locale;

/** HTTP Content-Type of each kind of object hlsforge publishes (Apple HLS authoring spec 10.4). */
public final class ContentTypes {
  private ContentTypes() {}

  public static String of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".m3u8")) {
      return "application/vnd.apple.mpegurl";
    } else if (n.endsWith(".ts")) {
      return "video/mp2t";
    } else if (n.endsWith(".m4s") || n.endsWith(".mp4")) {
      return "video/mp4";
    } else if (n.endsWith(".aac")) {
      return "audio/aac";
    } else if (n.endsWith(".vtt")) {
      return "text/vtt";
    } else if (n.endsWith(".json")) {
      return "application/json";
    }
    return "application/octet-stream";
  }
}
