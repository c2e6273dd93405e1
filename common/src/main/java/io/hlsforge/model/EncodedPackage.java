package io.hlsforge.model;

import java.io.Serializable;
import java.util.List;

/**
 * One encoding of one asset as packaged: the unit that is published, validated and recorded. Its
 * storage form is a set of manifest rows (ManifestRows converts, both ways).
 */
public record EncodedPackage(String assetId, String encodingId, List<PackagedRendition> renditions)
    implements Serializable {

  public EncodedPackage {
    renditions = List.copyOf(renditions);
  }

  public List<PackagedRendition> video() {
    return renditions.stream().filter(PackagedRendition::isVideo).toList();
  }

  public List<PackagedRendition> audio() {
    return renditions.stream().filter(PackagedRendition::isAudio).toList();
  }

  public List<PackagedRendition> subtitles() {
    return renditions.stream().filter(PackagedRendition::isSubtitles).toList();
  }
}
