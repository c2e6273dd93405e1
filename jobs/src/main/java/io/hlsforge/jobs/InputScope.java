package io.hlsforge.jobs;

/** Which rows of the previous stage's manifest a stage takes as its input. */
public enum InputScope {
  /** Only what this run id wrote: stages chained in one {@code run}. */
  THIS_RUN,
  /** The latest row of every asset, whichever run wrote it: a stage run on its own. */
  LATEST
}
