package io.hlsforge.config;

import java.io.Serializable;

/**
 * Fault injection for the reliability tests ({@code hlsforge.testing.*}); all off by default and
 * never meant for production runs.
 *
 * @param failFirstPackageAttempt the first attempt of every package task dies after uploading
 * @param stallAsset the first attempt of this asset's task in {@code stallStage} is a straggler
 * @param stallStage "package" or "publish"
 * @param stallSeconds how long the straggler sleeps before it starts its work
 */
public record FaultSpec(
    boolean failFirstPackageAttempt, String stallAsset, String stallStage, long stallSeconds)
    implements Serializable {
  /** Whether the first attempt of {@code assetId}'s task in {@code stage} must stall. */
  public boolean stalls(String stage, String assetId, int attemptNumber) {
    return stallSeconds > 0
        && attemptNumber == 0
        && stage.equals(stallStage)
        && assetId.equals(stallAsset);
  }
}
