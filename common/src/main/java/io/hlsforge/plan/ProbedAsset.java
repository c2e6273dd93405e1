package io.hlsforge.plan;

import io.hlsforge.media.ProbeResult;
import io.hlsforge.tracks.SubtitleSidecar;
import java.io.Serializable;
import java.util.List;

/**
 * One asset as planning and packaging see it: its id, where its source lives, which version of the
 * source was probed (length and modification time, the cheap fingerprint an encoding id is built
 * on), and what ffprobe found in it. The probes manifest row is its storage form ({@code
 * ProbeRecord}). {@code audioSelection} is the catalogue's per-asset audio selection, or null for
 * the configured default; {@code sidecars} the subtitle files delivered beside the source (named in
 * the catalogue or found next to it).
 */
public record ProbedAsset(
    String assetId,
    String sourceUri,
    long sourceBytes,
    long sourceModifiedMs,
    ProbeResult probe,
    String audioSelection,
    List<SubtitleSidecar> sidecars)
    implements Serializable {

  public ProbedAsset {
    sidecars = sidecars == null ? List.of() : List.copyOf(sidecars);
  }

  /** The source version this asset's encodings are tied to. */
  public String sourceFingerprint() {
    return EncodingId.sourceFingerprint(sourceUri, sourceBytes, sourceModifiedMs);
  }
}
