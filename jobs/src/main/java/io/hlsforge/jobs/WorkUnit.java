package io.hlsforge.jobs;

import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.plan.PlannedRendition;
import java.io.Serializable;
import java.util.List;

/**
 * One packaging task: an asset, its planned renditions and their encoding id, with a cost estimate
 * (source seconds × output pixels) used to start the biggest units first.
 */
public record WorkUnit(ProbeRecord probe, List<PlannedRendition> renditions, String encodingId, double cost) implements Serializable {

  public static double estimateCost(double durationSeconds, List<PlannedRendition> renditions) {
    double pixels = 0;
    for (PlannedRendition r : renditions) {
      // Audio-only work still costs something; count it like a tiny picture.
      pixels += r.isAudio() ? 64 * 64 : (double) r.width() * r.height();
    }
    return durationSeconds * pixels;
  }
}
