package io.hlsforge.manifest;

import io.hlsforge.config.ConfigWord;

/** How a run ended, as manifests/runs stores it in {@code status}. */
public enum RunStatus implements ConfigWord {
  /** Every stage ran and failed assets stayed within hlsforge.max-failure-ratio. */
  SUCCEEDED,
  FAILED;

  /** The status a manifest row names; a clear error for anything else. */
  public static RunStatus ofWord(String word) {
    return ConfigWord.parse(RunStatus.class, "runs.status", word);
  }
}
