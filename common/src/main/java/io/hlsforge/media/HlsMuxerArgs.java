package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.plan.ChunkPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hls muxer writing every output stream as its own rendition: a VOD media playlist and MPEG-TS
 * or fMP4 segments in {@code outDir/<rendition>/}. The layout (segments or single file) does not
 * change the command: ffmpeg always writes one file per segment, and the packager joins them.
 */
final class HlsMuxerArgs {
  static final String LOCAL_PLAYLIST = "ffmpeg.m3u8";

  private HlsMuxerArgs() {}

  /**
   * @param chunk when not null, segments are numbered from the chunk's first segment
   * @param offsetSeconds where the output's timestamps start ({@link OutputTimeline})
   */
  static List<String> of(
      Path outDir,
      OutputStreams streams,
      HlsforgeSettings s,
      ChunkPlanner.Chunk chunk,
      double offsetSeconds) {
    List<String> args = new ArrayList<>();
    if (offsetSeconds > 0) {
      args.addAll(List.of("-output_ts_offset", String.format(Locale.ROOT, "%.6f", offsetSeconds)));
    }
    if (chunk != null) {
      // Continues the title's numbering.
      args.addAll(List.of("-start_number", Integer.toString(chunk.firstSegment())));
    }
    args.addAll(
        List.of(
            "-f", "hls",
            "-hls_time", SecondsArg.of(s.segmentSeconds()),
            "-hls_playlist_type", "vod",
            "-hls_list_size", "0",
            "-hls_segment_type", s.fmp4() ? "fmp4" : "mpegts"));
    if (s.fmp4()) {
      args.addAll(List.of("-hls_fmp4_init_filename", OutputLayout.INIT_SEGMENT));
    }
    args.addAll(
        List.of(
            "-hls_flags",
            "independent_segments",
            "-hls_segment_filename",
            outDir.resolve("%v").resolve(OutputLayout.segmentPattern(s.segmentFormat())).toString(),
            "-var_stream_map",
            varStreamMap(streams),
            outDir.resolve("%v").resolve(LOCAL_PLAYLIST).toString()));
    return args;
  }

  /** {@code v:0,name:1080p … a:0,name:audio-stereo}: each stream's directory is its name. */
  private static String varStreamMap(OutputStreams streams) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < streams.video().size(); i++) {
      entries.add("v:" + i + ",name:" + streams.video().get(i).name());
    }
    for (int i = 0; i < streams.audio().size(); i++) {
      entries.add("a:" + i + ",name:" + streams.audio().get(i).name());
    }
    return String.join(" ", entries);
  }
}
