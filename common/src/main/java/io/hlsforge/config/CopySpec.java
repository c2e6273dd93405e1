package io.hlsforge.config;

import java.io.Serializable;

/** Copy (remux-only) mode: "off" or "auto", and whether MP3 audio may be copied as it is. */
public record CopySpec(String mode, boolean allowMp3) implements Serializable {
  public CopySpec {
    if (!mode.equals("off") && !mode.equals("auto")) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.copy.mode=" + mode + ": use \"off\" or \"auto\"");
    }
  }

  public boolean enabled() {
    return mode.equals("auto");
  }
}
