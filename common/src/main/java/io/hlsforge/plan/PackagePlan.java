package io.hlsforge.plan;

import java.util.List;
import java.util.Map;

/**
 * What the package stage will do: the work units to run, most expensive first; the assets left as
 * they are because their encoding is committed (asset id → encoding id); and the assets that could
 * not be planned.
 */
public record PackagePlan(
    List<WorkUnit> units, Map<String, String> reused, List<PlanFailure> failures) {
  public PackagePlan {
    units = List.copyOf(units);
    reused = Map.copyOf(reused);
    failures = List.copyOf(failures);
  }
}
