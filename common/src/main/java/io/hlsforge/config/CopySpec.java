package io.hlsforge.config;

import java.io.Serializable;

/** Copy (remux-only) mode, and whether MP3 audio may be copied as it is. */
public record CopySpec(CopyMode mode, boolean allowMp3) implements Serializable {
  public boolean enabled() {
    return mode == CopyMode.AUTO;
  }
}
