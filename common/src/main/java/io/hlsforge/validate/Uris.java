package io.hlsforge.validate;

import io.hlsforge.storage.Locations;
import java.net.URI;

/** Resolves the references in a playlist against the playlist's own address. */
final class Uris {
  private Uris() {}

  /**
   * {@code relative} resolved against {@code base}, as a player resolves it. An HTTP base is a URL;
   * any other base is a storage location (its characters literal, see {@link Locations}). A
   * reference that is not a valid URI (say a bracket in a file name) is resolved as plain text next
   * to its base, so reading it either works or fails with a finding that names it, instead of
   * stopping the run.
   */
  static String resolve(String base, String relative) {
    if (relative.contains("://")) {
      return relative;
    }
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      return Locations.resolveReference(base, relative).orElseGet(() -> asText(base, relative));
    }
    try {
      return URI.create(base).resolve(relative).toString();
    } catch (IllegalArgumentException notAUri) {
      return asText(base, relative);
    }
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
