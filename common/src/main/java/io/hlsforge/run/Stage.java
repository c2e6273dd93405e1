package io.hlsforge.run;

/** The stages of a run, in order. {@link #id()} is the name manifests, reports and logs use. */
public enum Stage {
  PROBE("probe"),
  PACKAGE("package"),
  PUBLISH("publish");

  private final String id;

  Stage(String id) {
    this.id = id;
  }

  /** The lowercase name in {@code manifests/failures.stage}, the runs table and job group ids. */
  public String id() {
    return id;
  }
}
