package io.hlsforge.model;

import io.hlsforge.config.ConfigWord;

/**
 * The video codec a rendition is encoded with. The word is ffprobe's {@code codec_name} for it and
 * what an encoding id hashes, so it must not change.
 */
public enum VideoCodec implements ConfigWord {
  H264,
  HEVC
}
