package io.hlsforge.tracks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subtitle file delivered beside the source (SRT or WebVTT): its language as written (ISO 639 or
 * BCP 47), where it lives (a normalised Hadoop URI), and whether it holds forced subtitles only.
 * Also the element of the probes table's {@code sidecars} column.
 */
public record SubtitleSidecar(String language, String uri, boolean forced) implements Serializable {
  /** {@code <basename>.<lang>[.forced].srt|vtt}, as editors name them next to the source. */
  private static final Pattern NEXT_TO_SOURCE =
      Pattern.compile("(?i)\\.([a-z]{2,3}(?:-[a-z0-9]{1,8})*)(\\.forced)?\\.(srt|vtt)$");

  /**
   * The sidecar file {@code fileName} names for the source whose file name without extension is
   * {@code baseName}, or null when it is not one ({@code film.es.srt} for {@code film}).
   */
  public static SubtitleSidecar nextToSource(String baseName, String fileName, String uri) {
    if (!fileName.startsWith(baseName + ".")) {
      return null;
    }
    Matcher m = NEXT_TO_SOURCE.matcher(fileName.substring(baseName.length()));
    if (!m.matches()) {
      return null;
    }
    return new SubtitleSidecar(m.group(1).toLowerCase(Locale.ROOT), uri, m.group(2) != null);
  }

  /**
   * The catalogue's {@code subtitles} cell: {@code language=location} pairs separated by {@code ;}
   * ({@code en=subs/film.en.srt; fr=subs/film.fr.vtt}); {@code language:forced=…} marks forced
   * subtitles. Locations are returned as written; the caller resolves them.
   *
   * @throws IllegalArgumentException naming the cell and the pair that is wrong
   */
  public static List<SubtitleSidecar> parseCell(String cell) {
    List<SubtitleSidecar> out = new ArrayList<>();
    if (cell == null || cell.isBlank()) {
      return out;
    }
    for (String raw : cell.split(";")) {
      String pair = raw.strip();
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String language = eq < 0 ? "" : pair.substring(0, eq).strip();
      boolean forced = language.toLowerCase(Locale.ROOT).endsWith(":forced");
      if (forced) {
        language = language.substring(0, language.length() - ":forced".length());
      }
      String location = eq < 0 ? "" : pair.substring(eq + 1).strip();
      if (!language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*") || location.isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot use subtitles '"
                + cell
                + "': '"
                + pair
                + "' is not language=location (e.g. en=subs/film.en.srt)");
      }
      if (!location.toLowerCase(Locale.ROOT).matches(".*\\.(srt|vtt)")) {
        throw new IllegalArgumentException(
            "Cannot use subtitles '" + cell + "': " + location + " is neither .srt nor .vtt");
      }
      out.add(new SubtitleSidecar(language, location, forced));
    }
    return out;
  }
}
