package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the ONE ffmpeg command that packages an asset: the source is decoded once, a split/scale
 * filter graph feeds every video rendition, the audio is encoded once per audio rendition (stereo,
 * 5.1), and the hls muxer writes each rendition's segments into {@code outDir/<rendition>/}.
 * Keyframes are forced at every segment boundary and scene-cut keyframes are off, so all renditions
 * cut at the same instants. Pure.
 *
 * <p>The command is composed in ffmpeg's order, one part per concern: {@link InputArgs} (how the
 * source is read), {@link StreamMapping} (with the {@link VideoFilterGraph}), {@link
 * VideoEncoderArgs} ({@link X264Args}, {@link X265Args}), {@link AudioEncoderArgs}, and {@link
 * HlsMuxerArgs} (placed on the title's timeline by {@link OutputTimeline}). The argument lists are
 * pinned by LadderCommandBuilderTest: published bytes depend on every one of them.
 */
public final class LadderCommandBuilder {
  /** The media playlist ffmpeg writes in each rendition's directory. */
  public static final String LOCAL_PLAYLIST = HlsMuxerArgs.LOCAL_PLAYLIST;

  /** No prompts, no banner, errors only on stderr (its tail becomes the failure message). */
  private static final List<String> GLOBAL_OPTIONS =
      List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y");

  private LadderCommandBuilder() {}

  /**
   * Where in the source the title starts: at its first picture ({@link ProbeResult#leadInSeconds}),
   * unless the video is copied, which keeps the source's timing as it is (a seek would move it to a
   * keyframe).
   */
  public static double titleStartSeconds(List<PlannedRendition> renditions, ProbeResult probe) {
    return renditions.stream().anyMatch(r -> r.isVideo() && r.isCopy()) ? 0 : probe.leadInSeconds();
  }

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
    return build(ffmpeg, source, outDir, renditions, probe, s, chunk, threads, Map.of());
  }

  /**
   * @param audioChains per audio rendition name, the chain that replaces its usual one: the
   *     loudness normalisation of the second pass ({@link LoudnessCommands#normalised})
   */
  public static List<String> build(
      String ffmpeg,
      Path source,
      Path outDir,
      List<PlannedRendition> renditions,
      ProbeResult probe,
      HlsforgeSettings s,
      ChunkPlanner.Chunk chunk,
      int threads,
      Map<String, String> audioChains) {
    OutputStreams streams = OutputStreams.of(renditions);
    List<String> cmd = new ArrayList<>();
    cmd.add(ffmpeg);
    cmd.addAll(GLOBAL_OPTIONS);
    cmd.addAll(InputArgs.asLadder(source, s, probe, renditions, chunk, threads));
    cmd.addAll(StreamMapping.of(streams, probe, chunk, audioChains));
    cmd.addAll(VideoEncoderArgs.of(streams, probe, s.video(), threads));
    cmd.addAll(AudioEncoderArgs.of(streams, s.audio()));
    cmd.addAll(
        HlsMuxerArgs.of(
            outDir, streams, s, chunk, OutputTimeline.offsetSeconds(streams, probe, s, chunk)));
    return cmd;
  }
}
