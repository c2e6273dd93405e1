package io.hlsforge.model;

import io.hlsforge.config.ConfigWord;

/**
 * What a rendition carries. Video renditions carry no audio; audio renditions form the master's
 * EXT-X-MEDIA audio groups, subtitle renditions (segmented WebVTT) its SUBTITLES group. The word is
 * what manifests/renditions stores in {@code kind}.
 */
public enum RenditionKind implements ConfigWord {
  VIDEO,
  AUDIO,
  SUBTITLES;

  /** The kind a manifest row names; a clear error for anything else. */
  public static RenditionKind ofWord(String word) {
    return ConfigWord.parse(RenditionKind.class, "renditions.kind", word);
  }
}
