package io.hlsforge.plan;

/** What the planner does with an asset whose encoding is already committed. */
public enum Reuse {
  /** Keep the committed package and plan no work for the asset (the incremental default). */
  COMMITTED,
  /** Plan the asset's work again anyway ({@code --force}). */
  NONE
}
