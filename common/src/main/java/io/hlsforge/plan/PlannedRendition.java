package io.hlsforge.plan;

import java.io.Serializable;

/**
 * One rendition to produce for one asset. Video renditions carry the muxed stereo audio too;
 * audio-only renditions have width = height = 0 and videoKbps = 0.
 */
public record PlannedRendition(String name, int width, int height, int videoKbps, int audioKbps, double frameRate)
    implements Serializable {

  public boolean isAudioOnly() {
    return videoKbps == 0;
  }
}
