package io.hlsforge.config;

/** Copy (remux-only) mode ({@code hlsforge.copy.mode}). */
public enum CopyMode implements ConfigWord {
  /** Always re-encode. */
  OFF,
  /** Remux sources already in a deliverable codec, re-encode the rest. */
  AUTO;
}
