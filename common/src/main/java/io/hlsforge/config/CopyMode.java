package io.hlsforge.config;

/** Copy (remux-only) mode ({@code hlsforge.copy.mode}). */
public enum CopyMode implements ConfigWord {
  /** Always re-encode. */
  OFF("off"),
  /** Remux sources already in a deliverable codec, re-encode the rest. */
  AUTO("auto");

  private final String word;

  CopyMode(String word) {
    this.word = word;
  }

  @Override
  public String word() {
    return word;
  }
}
