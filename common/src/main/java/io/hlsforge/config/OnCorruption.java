package io.hlsforge.config;

/** What a decode or demux error in a source does ({@code hlsforge.input.on-corruption}). */
public enum OnCorruption implements ConfigWord {
  /** The asset fails as INPUT_CORRUPT (ffmpeg {@code -xerror}); nothing of it is published. */
  FAIL,
  /** ffmpeg conceals the damage and the title is packaged with whatever glitches that leaves. */
  CONCEAL;
}
