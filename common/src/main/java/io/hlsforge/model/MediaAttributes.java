package io.hlsforge.model;

import java.io.Serializable;

/**
 * What the master's EXT-X-MEDIA tag says about an audio or subtitle rendition: LANGUAGE (BCP 47,
 * {@code und} when unknown), NAME (unique in its group), DEFAULT/AUTOSELECT as one {@link
 * Selection}, FORCED (subtitles only) and CHARACTERISTICS (null when none, e.g. {@code
 * public.accessibility.describes-video}).
 */
public record MediaAttributes(
    String language, String name, Selection selection, boolean forced, String characteristics)
    implements Serializable {

  public static final String DESCRIBES_VIDEO = "public.accessibility.describes-video";

  public MediaAttributes {
    if (language == null || name == null || selection == null) {
      throw new IllegalArgumentException(
          "Cannot describe a rendition without LANGUAGE, NAME and a selection: "
              + language
              + ", "
              + name
              + ", "
              + selection);
    }
  }

  public MediaAttributes withSelection(Selection s) {
    return new MediaAttributes(language, name, s, forced, characteristics);
  }

  public MediaAttributes withName(String n) {
    return new MediaAttributes(language, n, selection, forced, characteristics);
  }

  /** The combination RFC 8216 §4.3.4.1.1 asks to be distinct among AUTOSELECT=YES members. */
  public String autoselectKey() {
    return language + "|" + forced + "|" + (characteristics == null ? "" : characteristics);
  }
}
