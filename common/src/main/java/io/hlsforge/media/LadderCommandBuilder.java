package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.FrameRates;
import io.hlsforge.plan.PlannedRendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the ONE ffmpeg command that packages an asset: the source is decoded once, a split/scale
 * filter graph feeds every video rendition, the audio is encoded once per audio rendition (stereo,
 * 5.1), and the hls muxer writes each rendition's MPEG-TS segments into {@code
 * outDir/<rendition>/}. Keyframes are forced at every segment boundary and scene-cut keyframes are
 * off, so all renditions cut at the same instants. Pure.
 */
public final class LadderCommandBuilder {
  public static final String SEGMENT_PATTERN = "segment_%05d.ts";
  public static final String FMP4_SEGMENT_PATTERN = "segment_%05d.m4s";
  public static final String LOCAL_PLAYLIST = "ffmpeg.m3u8";

  private LadderCommandBuilder() {}

  public static List<String> build(
      String ffmpeg,
      Path source,
      Path outDir,
      List<PlannedRendition> renditions,
      ProbeResult probe,
      HlsforgeSettings s) {
    return build(ffmpeg, source, outDir, renditions, probe, s, null, s.ffmpegThreads());
  }

  /**
   * @param chunk when not null, encode only this segment-aligned time range of the source (accurate
   *     input seek), stamped at its place in the title and numbered from its first segment
   * @param threads threads for decoding, filtering and each encoder; 0 lets ffmpeg decide
   */
  public static List<String> build(
      String ffmpeg,
      Path source,
      Path outDir,
      List<PlannedRendition> renditions,
      ProbeResult probe,
      HlsforgeSettings s,
      ChunkPlanner.Chunk chunk,
      int threads) {
    List<String> cmd =
        new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
    if (!s.input().concealCorruption()) {
      // Damaged input stops the encode (INPUT_CORRUPT) instead of being papered over with
      // concealment.
      cmd.add("-xerror");
    }
    if (threads > 0) {
      cmd.addAll(
          List.of(
              "-threads",
              Integer.toString(threads),
              "-filter_complex_threads",
              Integer.toString(threads)));
    }
    if (chunk != null) {
      // Input options: seeking before -i while transcoding is frame-accurate and starts the
      // chunk's timestamps at 0, so forced keyframes and segment cuts fall where the whole-title
      // encode puts them.
      cmd.addAll(List.of("-ss", fmt(chunk.startSeconds())));
      if (!chunk.last()) {
        // Read a little past the end; the filter graph's trim cuts at the exact frame.
        cmd.addAll(List.of("-t", fmt(chunk.durationSeconds() + 1)));
      }
    }
    // Untrusted input: local files and pipes only, never the network or a URL a playlist points at.
    cmd.addAll(List.of("-protocol_whitelist", "file,pipe", "-i", source.toString()));
    List<PlannedRendition> video = renditions.stream().filter(r -> !r.isAudio()).toList();
    List<PlannedRendition> audio = renditions.stream().filter(PlannedRendition::isAudio).toList();
    String seg = fmt(s.segmentSeconds());
    List<String> streamMap = new ArrayList<>();
    if (video.size() == 1 && video.get(0).copy()) {
      cmd.addAll(List.of("-map", "0:v:0"));
    } else if (!video.isEmpty()) {
      cmd.addAll(
          List.of(
              "-filter_complex",
              filterGraph(normalization(probe) + chunkEnd(probe, chunk), video)));
      for (int i = 0; i < video.size(); i++) {
        cmd.addAll(List.of("-map", "[v" + i + "out]"));
      }
    }
    for (int i = 0; i < audio.size(); i++) {
      cmd.addAll(List.of("-map", "0:a:0"));
    }
    cmd.addAll(List.of("-sn", "-dn"));
    if (video.size() == 1 && video.get(0).copy()) {
      // Remux only: segments cut at the source's own keyframes (the validator judges the result).
      cmd.addAll(List.of("-c:v", "copy"));
      streamMap.add("v:0,name:" + video.get(0).name());
    } else if (!video.isEmpty()) {
      cmd.addAll(List.of("-preset", s.video().preset(), "-pix_fmt", "yuv420p"));
      if (threads > 0) {
        cmd.addAll(List.of("-threads", Integer.toString(threads)));
      }
      for (int i = 0; i < video.size(); i++) {
        if (video.get(i).isHevc()) {
          // hvc1: parameter sets in the sample entry, as Apple requires for HEVC in fMP4.
          cmd.addAll(
              List.of("-c:v:" + i, "libx265", "-tag:v:" + i, "hvc1", "-profile:v:" + i, "main"));
        } else {
          cmd.addAll(
              List.of("-c:v:" + i, s.video().codec(), "-profile:v:" + i, s.video().profile()));
        }
      }
      if (video.stream().anyMatch(PlannedRendition::isHevc)) {
        cmd.addAll(List.of("-x265-params", "scenecut=0:open-gop=0:log-level=error"));
      }
      String interval = fmt(s.video().keyframeIntervalSeconds());
      int gop =
          (int) Math.ceil(FrameRates.output(probe).value() * s.video().keyframeIntervalSeconds());
      // IDRs exactly every keyframe interval (which divides the segment duration) and nowhere else:
      // no scene-cut keyframes, so all renditions cut at the same instants.
      cmd.addAll(
          List.of(
              "-g",
              Integer.toString(gop),
              "-keyint_min",
              Integer.toString(gop),
              "-sc_threshold",
              "0",
              "-force_key_frames",
              "expr:gte(t,n_forced*" + interval + ")"));
      for (int i = 0; i < video.size(); i++) {
        PlannedRendition r = video.get(i);
        cmd.addAll(
            List.of(
                "-b:v:" + i, r.videoKbps() + "k",
                "-maxrate:v:" + i, Math.round(r.videoKbps() * s.video().maxrateFactor()) + "k",
                "-bufsize:v:" + i, Math.round(r.videoKbps() * s.video().bufsizeFactor()) + "k"));
        streamMap.add("v:" + i + ",name:" + r.name());
      }
    }
    if (audio.size() == 1 && audio.get(0).copy()) {
      cmd.addAll(List.of("-c:a", "copy"));
      streamMap.add("a:0,name:" + audio.get(0).name());
    } else if (!audio.isEmpty()) {
      cmd.addAll(
          List.of("-c:a", s.audio().codec(), "-ar", Integer.toString(s.audio().sampleRate())));
      for (int i = 0; i < audio.size(); i++) {
        PlannedRendition r = audio.get(i);
        cmd.addAll(
            List.of(
                "-b:a:" + i,
                r.audioKbps() + "k",
                "-ac:a:" + i,
                Integer.toString(r.audioChannels())));
        streamMap.add("a:" + i + ",name:" + r.name());
      }
    }
    double offset =
        (chunk == null ? 0 : chunk.startSeconds()) + videoDelaySeconds(renditions, probe, s);
    if (offset > 0) {
      // Every unit of a title is stamped on one timeline: its place in the title plus the video
      // encoder's reordering delay. Without the delay term the muxer shifts only streams whose
      // first DTS would be negative: the first chunk's video (so it would not join the second) and
      // the video but not the audio (a separate muxer) of every title — 2 frames of lip-sync error.
      cmd.addAll(List.of("-output_ts_offset", String.format(Locale.ROOT, "%.6f", offset)));
    }
    if (chunk != null) {
      cmd.addAll(
          List.of(
              "-start_number",
              Integer.toString(chunk.firstSegment()))); // continues the title's numbering
    }
    cmd.addAll(
        List.of(
            "-f", "hls",
            "-hls_time", seg,
            "-hls_playlist_type", "vod",
            "-hls_list_size", "0",
            "-hls_segment_type", s.fmp4() ? "fmp4" : "mpegts"));
    if (s.fmp4()) {
      cmd.addAll(List.of("-hls_fmp4_init_filename", "init.mp4"));
    }
    cmd.addAll(
        List.of(
            "-hls_flags",
            "independent_segments",
            "-hls_segment_filename",
            outDir
                .resolve("%v")
                .resolve(s.fmp4() ? FMP4_SEGMENT_PATTERN : SEGMENT_PATTERN)
                .toString(),
            "-var_stream_map",
            String.join(" ", streamMap),
            outDir.resolve("%v").resolve(LOCAL_PLAYLIST).toString()));
    return cmd;
  }

  /**
   * How far x264 moves the first DTS before the first PTS (B-frame reordering): 2 frames with
   * B-pyramids (every preset but ultrafast), none without B-frames (ultrafast, baseline). 0 for
   * fMP4 (edit lists handle it), copied video, and titles without video.
   */
  static double videoDelaySeconds(
      List<PlannedRendition> unit, ProbeResult probe, HlsforgeSettings s) {
    if (s.fmp4()) {
      return 0;
    }
    boolean unitHasVideo = unit.stream().anyMatch(r -> !r.isAudio());
    boolean reencodedVideo =
        unitHasVideo ? unit.stream().noneMatch(r -> !r.isAudio() && r.copy()) : probe.width() > 0;
    boolean bFrames =
        !s.video().preset().equalsIgnoreCase("ultrafast")
            && !s.video().profile().equalsIgnoreCase("baseline");
    return reencodedVideo && bFrames ? 2 / FrameRates.output(probe).value() : 0;
  }

  /**
   * What every rendition needs before scaling, done once: deinterlace interlaced sources (one frame
   * per frame, so the rate is kept) and make the frame rate constant at the chosen standard rate.
   * Rotation needs nothing here: ffmpeg applies the display matrix while decoding.
   */
  static String normalization(ProbeResult probe) {
    return (probe.interlaced() ? "yadif=mode=send_frame," : "") + "fps=" + FrameRates.output(probe);
  }

  /**
   * A chunk ends after exactly its duration's worth of frames at the output rate (an input -t alone
   * lets a frame or two more through, which would overlap the next chunk).
   */
  static String chunkEnd(ProbeResult probe, ChunkPlanner.Chunk chunk) {
    if (chunk == null || chunk.last()) {
      return "";
    }
    return ",trim=end_frame="
        + Math.round(chunk.durationSeconds() * FrameRates.output(probe).value());
  }

  /** {@code [0:v]<normalization>,split=N[v0][v1]…; [v0]scale=w:h,setsar=1[v0out]; …} */
  static String filterGraph(String normalization, List<PlannedRendition> renditions) {
    StringBuilder g =
        new StringBuilder("[0:v]")
            .append(normalization)
            .append(",split=")
            .append(renditions.size());
    for (int i = 0; i < renditions.size(); i++) {
      g.append("[v").append(i).append(']');
    }
    for (int i = 0; i < renditions.size(); i++) {
      PlannedRendition r = renditions.get(i);
      g.append(";[v")
          .append(i)
          .append("]scale=")
          .append(r.width())
          .append(':')
          .append(r.height())
          .append(":flags=bicubic,setsar=1[v")
          .append(i)
          .append("out]");
    }
    return g.toString();
  }

  static String fmt(double seconds) {
    return seconds == Math.rint(seconds)
        ? Long.toString((long) seconds)
        : String.format(Locale.ROOT, "%.3f", seconds);
  }
}
