package io.hlsforge.media;

import io.hlsforge.config.VideoSpec;
import io.hlsforge.plan.FrameRates;
import io.hlsforge.plan.PlannedRendition;
import java.util.ArrayList;
import java.util.List;

/**
 * How every video output stream is encoded: copied as it is, or re-encoded with one shared preset,
 * pixel format and keyframe cadence, each stream with its codec ({@link X264Args}, {@link
 * X265Args}) and its own bit rate.
 */
final class VideoEncoderArgs {
  private VideoEncoderArgs() {}

  /**
   * @param threads threads of each encoder; 0 lets ffmpeg decide
   */
  static List<String> of(OutputStreams streams, ProbeResult probe, VideoSpec spec, int threads) {
    List<PlannedRendition> video = streams.video();
    if (streams.copiesVideo()) {
      // Remux only: segments cut at the source's own keyframes (the validator judges the result).
      return List.of("-c:v", "copy");
    }
    if (video.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(List.of("-preset", spec.preset(), "-pix_fmt", "yuv420p"));
    if (threads > 0) {
      args.addAll(List.of("-threads", Integer.toString(threads)));
    }
    for (int i = 0; i < video.size(); i++) {
      PlannedRendition r = video.get(i);
      args.addAll(
          r.isHdr()
              ? X265Args.hdrStream(i)
              : r.isHevc() ? X265Args.stream(i) : X264Args.stream(i, r, spec));
    }
    if (video.stream().anyMatch(PlannedRendition::isHevc)) {
      args.addAll(X265Args.params());
    }
    for (int i = 0; i < video.size(); i++) {
      if (video.get(i).isHdr()) {
        args.addAll(X265Args.hdrParams(i, probe.colour()));
      }
    }
    args.addAll(keyframes(probe, spec));
    for (int i = 0; i < video.size(); i++) {
      args.addAll(rateControl(i, video.get(i), spec));
    }
    return args;
  }

  /**
   * IDRs exactly every keyframe interval (which divides the segment duration) and nowhere else: no
   * scene-cut keyframes, so all renditions cut at the same instants.
   */
  private static List<String> keyframes(ProbeResult probe, VideoSpec spec) {
    String interval = SecondsArg.of(spec.keyframeIntervalSeconds());
    int gop = (int) Math.ceil(FrameRates.output(probe).value() * spec.keyframeIntervalSeconds());
    return List.of(
        "-g",
        Integer.toString(gop),
        "-keyint_min",
        Integer.toString(gop),
        "-sc_threshold",
        "0",
        "-force_key_frames",
        "expr:gte(t,n_forced*" + interval + ")");
  }

  /** Average rate as planned; peak and buffer as configured multiples of it. */
  private static List<String> rateControl(int i, PlannedRendition r, VideoSpec spec) {
    return List.of(
        "-b:v:" + i, r.videoKbps() + "k",
        "-maxrate:v:" + i, Math.round(r.videoKbps() * spec.maxrateFactor()) + "k",
        "-bufsize:v:" + i, Math.round(r.videoKbps() * spec.bufsizeFactor()) + "k");
  }
}
