package io.hlsforge.run;

import io.hlsforge.config.ConfigWord;

/** The stages of a run, in order. {@link #id()} is the name manifests, reports and logs use. */
public enum Stage implements ConfigWord {
  PROBE,
  PACKAGE,
  PUBLISH;

  /** The lowercase name in {@code manifests/failures.stage}, the runs table and job group ids. */
  public String id() {
    return word();
  }

  /** The stage a manifest column ({@code key}) names; a clear error for anything else. */
  public static Stage ofId(String key, String id) {
    return ConfigWord.parse(Stage.class, key, id);
  }
}
