package io.hlsforge.catalogue;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asset ids become object keys ({@code {hosting}/{asset_id}/master.m3u8}), so only a safe alphabet
 * is accepted: {@code [A-Za-z0-9._-]}, 1..128 chars, no {@code ..}, not starting with a dot.
 */
public final class AssetIds {
  public static final int MAX_LENGTH = 128;

  /** How much of an id a message shows. */
  private static final int PRINTABLE_LENGTH = 160;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  private AssetIds() {}

  /** Empty when the id is usable; otherwise the reason it is not. */
  public static Optional<String> problem(String assetId) {
    if (assetId == null || assetId.isEmpty()) {
      return Optional.of("asset id is empty");
    }
    if (assetId.length() > MAX_LENGTH) {
      return Optional.of("asset id is longer than " + MAX_LENGTH + " characters");
    }
    if (!SAFE.matcher(assetId).matches()) {
      return Optional.of(
          "asset id may only contain A-Z a-z 0-9 . _ - (no path separators or spaces)");
    }
    if (assetId.contains("..") || assetId.startsWith(".")) {
      return Optional.of("asset id may not contain '..' or start with '.'");
    }
    return Optional.empty();
  }

  /**
   * The id as it may appear in a message or log line: control characters (NUL, newlines, escape
   * sequences) as Java-style escapes (NUL becomes backslash-u-0000), and at most 160 characters, so
   * a hostile id cannot forge log lines or flood them.
   */
  public static String printable(String assetId) {
    if (assetId == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    assetId
        .codePoints()
        .limit(PRINTABLE_LENGTH)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    int length = assetId.codePointCount(0, assetId.length());
    return length > PRINTABLE_LENGTH ? out + "…(" + length + " characters)" : out.toString();
  }

  public static boolean isValid(String assetId) {
    return problem(assetId).isEmpty();
  }

  /**
   * Derives an id from a path relative to a scanned directory: the extension is dropped, path
   * separators become '_' and any other unsafe character becomes '-'. Dots inside are kept.
   */
  public static String fromRelativePath(String relativePath) {
    String p = relativePath.replace('\\', '/');
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    int dot = p.lastIndexOf('.');
    if (dot > p.lastIndexOf('/') + 0 && dot > 0) {
      p = p.substring(0, dot);
    }
    String id = p.replace('/', '_').replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("\\.{2,}", ".");
    while (id.startsWith(".")) {
      id = id.substring(1);
    }
    if (id.length() > MAX_LENGTH) {
      id = id.substring(0, MAX_LENGTH);
    }
    return id.isEmpty() ? "asset" : id;
  }
}
