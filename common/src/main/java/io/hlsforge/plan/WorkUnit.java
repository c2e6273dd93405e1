package io.hlsforge.plan;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One packaging task: an asset's renditions (all of them, its video renditions over one chunk, or
 * its audio renditions over the whole title) with their encoding id, and a cost estimate used to
 * start the biggest units first. Serializable: the package stage ships units to executors.
 *
 * @param chunk the time range of a chunked title's video, or null for the whole title
 */
public record WorkUnit(
    ProbedAsset asset,
    List<PlannedRendition> renditions,
    String encodingId,
    double cost,
    ChunkPlanner.Chunk chunk)
    implements Serializable {

  /**
   * The media seconds this unit adds to its title's progress: a title's media counts once, through
   * its video units (or the one unit of an audio-only title); a chunked title's audio unit adds
   * none.
   */
  public double progressSeconds() {
    boolean counts =
        chunk != null
            || renditions.stream().anyMatch(PlannedRendition::isVideo)
            || asset.probe().width() == 0;
    return counts ? ChunkPlanner.Chunk.seconds(asset.probe().titleSeconds(), chunk) : 0;
  }

  /** Source seconds × output pixels × the x264 preset's relative cost. */
  public static double estimateCost(
      double seconds, List<PlannedRendition> renditions, String preset) {
    double pixels = 0;
    for (PlannedRendition r : renditions) {
      // Audio and subtitle work still costs something; count it like a tiny picture.
      pixels += !r.isVideo() ? 64 * 64 : r.isCopy() ? 16 * 16 : (double) r.width() * r.height();
    }
    return seconds * pixels * presetFactor(preset);
  }

  /**
   * Relative x264 encoding time per preset (veryfast = 1), measured roughly on this class of
   * machine.
   */
  static double presetFactor(String preset) {
    return switch (preset.toLowerCase(Locale.ROOT)) {
      case "ultrafast" -> 0.3;
      case "superfast" -> 0.5;
      case "veryfast" -> 1.0;
      case "faster" -> 1.6;
      case "fast" -> 2.0;
      case "medium" -> 2.6;
      case "slow" -> 4.0;
      case "slower" -> 8.0;
      case "veryslow" -> 16.0;
      default -> 2.6;
    };
  }
}
