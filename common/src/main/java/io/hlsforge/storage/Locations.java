package io.hlsforge.storage;

import java.net.URI;
import java.nio.file.Paths;

/**
 * Turns what users type into Hadoop FileSystem URIs: a URI with a scheme is kept as it is ({@code
 * file://}, {@code hdfs://}, {@code s3a://}); a plain path becomes an absolute {@code file:} URI.
 * Also joins child names without doubling slashes.
 */
public final class Locations {
  private Locations() {}

  public static String normalize(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("Cannot use an empty location");
    }
    String trimmed = location.strip();
    if (trimmed.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || trimmed.startsWith("file:/")) {
      return stripTrailingSlash(trimmed);
    }
    URI uri = Paths.get(trimmed).toAbsolutePath().normalize().toUri();
    return stripTrailingSlash(uri.toString());
  }

  public static String join(String base, String... children) {
    StringBuilder b = new StringBuilder(stripTrailingSlash(base));
    for (String c : children) {
      b.append('/').append(c);
    }
    return b.toString();
  }

  private static String stripTrailingSlash(String s) {
    String r = s;
    while (r.endsWith("/") && !r.endsWith(":///") && !r.endsWith("://")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
