package io.hlsforge.media;

import io.hlsforge.config.VideoSpec;
import io.hlsforge.plan.PlannedRendition;
import java.util.List;

/** The H.264 encoder of one output stream: the configured encoder (libx264) and profile. */
final class X264Args {
  private X264Args() {}

  /** Stream {@code i}: codec, profile, and the level chosen for its size, rate and peak. */
  static List<String> stream(int i, PlannedRendition r, VideoSpec video) {
    String level =
        H264Level.of(
            r.width(),
            r.height(),
            r.frameRate(),
            Math.round(r.videoKbps() * video.maxrateFactor()),
            H264Level.BitRateClass.ofProfile(video.profile()));
    return List.of(
        "-c:v:" + i, video.codec(), "-profile:v:" + i, video.profile(), "-level:v:" + i, level);
  }

  /**
   * Frames by which x264 moves the first DTS before the first PTS (B-frame reordering): 2 with
   * B-pyramids (every preset but ultrafast), none without B-frames (ultrafast, baseline).
   */
  static int reorderDelayFrames(VideoSpec video) {
    boolean bFrames =
        !video.preset().equalsIgnoreCase("ultrafast")
            && !video.profile().equalsIgnoreCase("baseline");
    return bFrames ? 2 : 0;
  }
}
