package io.hlsforge.jobs;

import java.util.Map;

/**
 * What one package stage did: its totals, and the assets it left as they were because their
 * encoding was already committed (asset id → encoding id), which the publish stage of the same run
 * still publishes.
 */
public record PackageStageResult(StageReport report, Map<String, String> reused) {
  public PackageStageResult {
    reused = Map.copyOf(reused);
  }
}
