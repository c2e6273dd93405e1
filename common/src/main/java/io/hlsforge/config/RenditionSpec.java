package io.hlsforge.config;

import java.io.Serializable;

/** One rung of the configured video ladder: a target height and an average bit rate. */
public record RenditionSpec(String name, int height, int videoKbps) implements Serializable {
  public RenditionSpec {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException(
          "Cannot use ladder rung name '" + name + "': use [A-Za-z0-9_-], at most 32 chars");
    }
    if (height < 16 || videoKbps < 16) {
      throw new IllegalArgumentException(
          "Cannot use ladder rung '" + name + "': height and video-kbps must be >= 16");
    }
  }
}
