package io.hlsforge.media;

import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.FrameRates;
import io.hlsforge.plan.PlannedRendition;
import java.util.ArrayList;
import java.util.List;

/**
 * The one filter graph that feeds every re-encoded video rendition: the source is decoded and
 * normalised once, then split and scaled per rendition. {@code
 * [0:v]<normalization>,split=N[v0][v1]…; [v0]scale=w:h,setsar=1[v0out]; …}
 */
final class VideoFilterGraph {
  private VideoFilterGraph() {}

  static String of(ProbeResult probe, ChunkPlanner.Chunk chunk, List<PlannedRendition> video) {
    if (video.stream().noneMatch(PlannedRendition::isHdr)) {
      return graph(normalization(probe) + chunkEnd(probe, chunk), video);
    }
    // HDR renditions next to SDR ones: the decoded picture is split before the SDR conversion, so
    // the HDR branch keeps the source's PQ or HLG samples (10-bit, tagged as the source).
    StringBuilder g =
        new StringBuilder("[0:v]")
            .append(uniformRate(probe))
            .append(chunkEnd(probe, chunk))
            .append(",split=2[sdr][hdr];[sdr]")
            .append(SdrConversion.filter(probe.colour()).substring(1));
    branch(g, "sdr", video, false);
    g.append(";[hdr]null");
    branch(g, "hdr", video, true);
    return g.toString();
  }

  /**
   * The source's pictures as the renditions of one branch (HDR or SDR) were made from them, before
   * scaling: the same deinterlacing, frame rate, chunk end and (for SDR) conversion to BT.709.
   * Picture quality is measured against this ({@link QualityCommand}).
   */
  static String reference(ProbeResult probe, ChunkPlanner.Chunk chunk, boolean hdr) {
    String chain = uniformRate(probe) + chunkEnd(probe, chunk);
    return hdr ? chain : chain + SdrConversion.filter(probe.colour());
  }

  /** {@code ,split=N[vi]…;[vi]scale…[viout]} for the renditions of one branch (HDR or not). */
  private static void branch(
      StringBuilder g, String name, List<PlannedRendition> video, boolean hdr) {
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < video.size(); i++) {
      if (video.get(i).isHdr() == hdr) {
        members.add(i);
      }
    }
    g.append(",split=").append(members.size());
    for (int i : members) {
      g.append("[v").append(i).append(']');
    }
    for (int i : members) {
      scale(g, i, video.get(i));
    }
  }

  private static void scale(StringBuilder g, int i, PlannedRendition r) {
    g.append(";[v")
        .append(i)
        .append("]scale=")
        .append(r.width())
        .append(':')
        .append(r.height())
        .append(":flags=bicubic,setsar=1")
        .append(output(i));
  }

  /** The label of rendition {@code i}'s scaled picture, which {@code -map} selects. */
  static String output(int i) {
    return "[v" + i + "out]";
  }

  /**
   * What every rendition needs before scaling, done once: deinterlace interlaced sources (one frame
   * per frame, so the rate is kept), make the frame rate constant at the chosen standard rate, and
   * bring HDR or BT.2020 colour to SDR BT.709 ({@link SdrConversion}). Rotation needs nothing here:
   * ffmpeg applies the display matrix while decoding.
   */
  private static String normalization(ProbeResult probe) {
    return uniformRate(probe) + SdrConversion.filter(probe.colour());
  }

  /** Deinterlaced when interlaced, at the constant standard rate. */
  private static String uniformRate(ProbeResult probe) {
    return (probe.interlaced() ? "yadif=mode=send_frame," : "") + "fps=" + FrameRates.output(probe);
  }

  /**
   * A chunk ends after exactly its duration's worth of frames at the output rate (an input -t alone
   * lets a frame or two more through, which would overlap the next chunk).
   */
  private static String chunkEnd(ProbeResult probe, ChunkPlanner.Chunk chunk) {
    if (chunk == null || chunk.last()) {
      return "";
    }
    return ",trim=end_frame="
        + Math.round(chunk.durationSeconds() * FrameRates.output(probe).value());
  }

  private static String graph(String normalization, List<PlannedRendition> renditions) {
    StringBuilder g =
        new StringBuilder("[0:v]")
            .append(normalization)
            .append(",split=")
            .append(renditions.size());
    for (int i = 0; i < renditions.size(); i++) {
      g.append("[v").append(i).append(']');
    }
    for (int i = 0; i < renditions.size(); i++) {
      scale(g, i, renditions.get(i));
    }
    return g.toString();
  }
}
