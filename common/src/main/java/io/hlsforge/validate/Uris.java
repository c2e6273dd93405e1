package io.hlsforge.validate;

import java.net.URI;

/** Resolves the references in a playlist against the playlist's own address. */
final class Uris {
  private Uris() {}

  /**
   * {@code relative} resolved against {@code base}, as a player resolves it. A reference that is
   * not a valid URI (say a bracket in a file name) is resolved as plain text next to its base, so
   * reading it either works or fails with a finding that names it, instead of stopping the run.
   */
  static String resolve(String base, String relative) {
    if (relative.contains("://")) {
      return relative;
    }
    String resolved;
    try {
      URI b = URI.create(base.replace(" ", "%20"));
      resolved = b.resolve(relative.replace(" ", "%20")).toString().replace("%20", " ");
    } catch (IllegalArgumentException notAUri) {
      return asText(base, relative);
    }
    // URI.resolve drops an empty authority ("file:///x" → "file:/x"); keep the base's form.
    if (base.startsWith("file:///")
        && resolved.startsWith("file:/")
        && !resolved.startsWith("file:///")) {
      resolved = "file://" + resolved.substring(5);
    }
    return resolved;
  }

  private static String asText(String base, String relative) {
    if (!relative.startsWith("/")) {
      return base.substring(0, base.lastIndexOf('/') + 1) + relative;
    }
    int scheme = base.indexOf("://");
    if (scheme < 0) {
      return relative;
    }
    int path = base.indexOf('/', scheme + 3);
    return (path < 0 ? base : base.substring(0, path)) + relative;
  }
}
