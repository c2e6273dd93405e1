package io.hlsforge.plan;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.Recording;
import io.hlsforge.run.RunHooks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the package stage from probed assets. Each asset becomes its packaging tasks: the whole
 * title as one unit, or — for a long re-encoded MPEG-TS title — one unit per segment-aligned video
 * chunk plus one audio unit over the whole title. An asset whose encoding id is already committed
 * (same source bytes, same renditions, same encoder) is reused instead, unless told otherwise; one
 * that cannot be planned becomes a {@link PlanFailure}. Units come out most expensive first, so a
 * long title's chunks start first and never become the straggler a night waits for.
 *
 * <p>Pure: shared by the package stage and {@code hlsforge plan}.
 */
public final class PackagePlanner {
  private final HlsforgeSettings settings;
  private final String encoderVersion;
  private final RunHooks hooks;

  public PackagePlanner(HlsforgeSettings settings, String encoderVersion) {
    this(settings, encoderVersion, RunHooks.NONE);
  }

  /** With the run's hooks, called for each asset inside the planner's failure boundary. */
  public PackagePlanner(HlsforgeSettings settings, String encoderVersion, RunHooks hooks) {
    this.settings = settings;
    this.encoderVersion = encoderVersion;
    this.hooks = hooks;
  }

  public PackagePlan plan(List<ProbedAsset> assets, Set<CommittedEncoding> committed, Reuse reuse) {
    List<WorkUnit> units = new ArrayList<>();
    Map<String, String> reused = new HashMap<>();
    List<PlanFailure> failures = new ArrayList<>();
    for (ProbedAsset asset : assets) {
      List<WorkUnit> assetUnits;
      try {
        hooks.beforePlanning(asset.assetId());
        assetUnits = unitsOf(asset);
      } catch (IllegalArgumentException e) {
        failures.add(
            new PlanFailure(
                asset.assetId(),
                asset.sourceUri(),
                MediaException.Kind.INPUT_UNSUPPORTED,
                e.getMessage()));
        continue;
      } catch (RuntimeException e) {
        // Anything else is a bug met on one asset: that asset's INTERNAL failure, not the run's.
        MediaException internal = MediaException.internal(e);
        failures.add(
            new PlanFailure(
                asset.assetId(), asset.sourceUri(), internal.kind(), internal.getMessage()));
        continue;
      }
      // Never empty (a title without chunks is one unit); every unit carries the asset's one id.
      String encodingId = assetUnits.get(0).encodingId();
      if (reuse == Reuse.COMMITTED
          && committed.contains(new CommittedEncoding(asset.assetId(), encodingId))) {
        reused.put(asset.assetId(), encodingId);
      } else {
        units.addAll(assetUnits);
      }
    }
    // Stable: units of equal cost keep the assets' order.
    units.sort(Comparator.comparingDouble(WorkUnit::cost).reversed());
    return new PackagePlan(units, reused, failures);
  }

  /**
   * @throws IllegalArgumentException when the asset cannot be planned (the message says why)
   */
  private List<WorkUnit> unitsOf(ProbedAsset asset) {
    List<PlannedRendition> renditions = new ArrayList<>();
    renditions.addAll(LadderPlanner.plan(asset.probe(), settings, asset.audioSelection()));
    renditions.addAll(SubtitlePlanner.plan(asset.probe().subtitleTracks(), asset.sidecars()));
    List<ChunkPlanner.Chunk> chunks = chunks(asset, renditions);
    String encodingId =
        EncodingId.of(
            asset.sourceFingerprint(), renditions, settings, encoderVersion, chunks, asset.probe());
    double seconds = asset.probe().titleSeconds();
    String preset = settings.video().preset();
    if (chunks.isEmpty()) {
      return List.of(
          new WorkUnit(
              asset,
              renditions,
              encodingId,
              WorkUnit.estimateCost(seconds, renditions, preset),
              null));
    }
    List<PlannedRendition> video = renditions.stream().filter(PlannedRendition::isVideo).toList();
    // Audio and subtitles: one pass over the whole title (its segment grid is the subtitles').
    List<PlannedRendition> audio = renditions.stream().filter(r -> !r.isVideo()).toList();
    List<WorkUnit> units = new ArrayList<>();
    for (ChunkPlanner.Chunk c : chunks) {
      units.add(
          new WorkUnit(
              asset,
              video,
              encodingId,
              WorkUnit.estimateCost(ChunkPlanner.Chunk.seconds(seconds, c), video, preset),
              c));
    }
    if (!audio.isEmpty()) { // one pass over the whole title: no AAC priming at chunk joins
      units.add(
          new WorkUnit(
              asset, audio, encodingId, WorkUnit.estimateCost(seconds, audio, preset), null));
    }
    return units;
  }

  /**
   * Chunked encoding applies to re-encoded MPEG-TS video of long titles whose timestamps run
   * straight (not across recording jumps).
   */
  private List<ChunkPlanner.Chunk> chunks(ProbedAsset asset, List<PlannedRendition> renditions) {
    boolean chunkable =
        settings.chunking().enabled()
            && !settings.fmp4()
            && renditions.stream().anyMatch(PlannedRendition::isVideo)
            && renditions.stream().noneMatch(PlannedRendition::isCopy)
            && !Recording.hasJumps(asset.probe())
            // Subtitles are cut on the grid of the whole-title audio pass: without audio, none.
            && (renditions.stream().noneMatch(PlannedRendition::isSubtitles)
                || renditions.stream().anyMatch(PlannedRendition::isAudio));
    return chunkable
        ? ChunkPlanner.plan(
            asset.probe().titleSeconds(),
            settings.segmentSeconds(),
            settings.chunking().segmentsPerChunk(),
            settings.chunking().minTitleSeconds())
        : List.of();
  }
}
