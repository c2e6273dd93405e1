package io.hlsforge.manifest;

import io.hlsforge.config.ConfigWord;

/** What a manifests/notices row says was left out of an asset that was still packaged. */
public enum NoticeKind implements ConfigWord {
  /**
   * A subtitle stream in a format that cannot become WebVTT text (bitmap subtitles: PGS, DVB,
   * VobSub; or a codec hlsforge does not read): the asset is packaged without it.
   */
  SUBTITLES_NOT_CONVERTED;

  /** The kind a manifest row names; a clear error for anything else. */
  public static NoticeKind ofWord(String word) {
    return ConfigWord.parse(NoticeKind.class, "notices.kind", word);
  }
}
