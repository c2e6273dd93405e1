package io.hlsforge.plan;

import io.hlsforge.media.MediaException;

/**
 * An asset the planner could not turn into work, with its reason class and what was wrong.
 *
 * @param cause what made the asset unplannable, without the asset's name
 */
public record PlanFailure(
    String assetId, String sourceUri, MediaException.Kind reason, String cause) {

  /** The failure row's message: {@code Cannot plan asset 'x': <cause>}. */
  public String message() {
    return "Cannot plan asset '" + assetId + "': " + cause;
  }
}
