package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.FrameRates;
import io.hlsforge.plan.PlannedRendition;

/**
 * Where one command's output sits on its title's timeline. Every unit of a title (the whole title,
 * or a video chunk and the audio unit) is stamped on one timeline: its place in the title plus the
 * video encoder's reordering delay. Without the delay term the muxer shifts only streams whose
 * first DTS would be negative: the first chunk's video (so it would not join the second) and the
 * video but not the audio (a separate muxer) of every title — 2 frames of lip-sync error.
 */
final class OutputTimeline {
  private OutputTimeline() {}

  static double offsetSeconds(
      OutputStreams unit, ProbeResult probe, HlsforgeSettings s, ChunkPlanner.Chunk chunk) {
    return (chunk == null ? 0 : chunk.startSeconds()) + videoDelaySeconds(unit, probe, s);
  }

  /**
   * How far the title's video encoder moves the first DTS before the first PTS ({@link
   * X264Args#reorderDelayFrames}). 0 for fMP4 (edit lists handle it), copied video, and titles
   * without video. A unit without video (the audio of a chunked title) follows the title's video.
   */
  private static double videoDelaySeconds(
      OutputStreams unit, ProbeResult probe, HlsforgeSettings s) {
    if (s.fmp4()) {
      return 0;
    }
    boolean reencodedVideo =
        unit.video().isEmpty()
            ? probe.width() > 0
            : unit.video().stream().noneMatch(PlannedRendition::isCopy);
    int frames = X264Args.reorderDelayFrames(s.video());
    return reencodedVideo && frames > 0 ? frames / FrameRates.output(probe).value() : 0;
  }
}
