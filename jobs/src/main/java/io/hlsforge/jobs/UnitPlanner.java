package io.hlsforge.jobs;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.EncodingId;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.plan.PlannedRendition;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one probed asset into its packaging tasks: the whole title as one unit, or — for a long
 * re-encoded MPEG-TS title — one unit per segment-aligned video chunk plus one audio unit over the
 * whole title. Pure; shared by the package stage and {@code hlsforge plan}.
 */
public final class UnitPlanner {
  private UnitPlanner() {}

  /**
   * @throws IllegalArgumentException when the asset cannot be planned (the reason names it)
   */
  public static List<WorkUnit> plan(ProbeRecord p, HlsforgeSettings settings, String encoder) {
    List<PlannedRendition> renditions = LadderPlanner.plan(ProbeJob.toProbeResult(p), settings);
    List<ChunkPlanner.Chunk> chunks = chunks(p, renditions, settings);
    String fingerprint =
        EncodingId.sourceFingerprint(p.sourceUri(), p.sourceBytes(), p.sourceModifiedMs());
    String encodingId = EncodingId.of(fingerprint, renditions, settings, encoder, chunks);
    String preset = settings.video().preset();
    if (chunks.isEmpty()) {
      return List.of(
          new WorkUnit(
              p,
              renditions,
              encodingId,
              WorkUnit.estimateCost(p.durationS(), renditions, preset),
              null));
    }
    List<PlannedRendition> video = renditions.stream().filter(r -> !r.isAudio()).toList();
    List<PlannedRendition> audio = renditions.stream().filter(PlannedRendition::isAudio).toList();
    List<WorkUnit> units = new ArrayList<>();
    for (ChunkPlanner.Chunk c : chunks) {
      units.add(
          new WorkUnit(
              p,
              video,
              encodingId,
              WorkUnit.estimateCost(ChunkPlanner.Chunk.seconds(p.durationS(), c), video, preset),
              c));
    }
    if (!audio.isEmpty()) { // one pass over the whole title: no AAC priming at chunk joins
      units.add(
          new WorkUnit(
              p, audio, encodingId, WorkUnit.estimateCost(p.durationS(), audio, preset), null));
    }
    return units;
  }

  /** Chunked encoding applies to re-encoded MPEG-TS video of long titles. */
  static List<ChunkPlanner.Chunk> chunks(
      ProbeRecord p, List<PlannedRendition> renditions, HlsforgeSettings s) {
    boolean chunkable =
        s.chunking().enabled()
            && !s.fmp4()
            && renditions.stream().anyMatch(r -> !r.isAudio())
            && renditions.stream().noneMatch(PlannedRendition::copy);
    return chunkable
        ? ChunkPlanner.plan(
            p.durationS(),
            s.segmentSeconds(),
            s.chunking().segmentsPerChunk(),
            s.chunking().minTitleSeconds())
        : List.of();
  }
}
