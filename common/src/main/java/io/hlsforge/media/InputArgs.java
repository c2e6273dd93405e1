package io.hlsforge.media;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.InputSpec;
import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How ffmpeg reads the source: what it does on damage, how many threads decode and filter, which
 * time range of it (a chunk), and from where it may read at all.
 */
final class InputArgs {
  private InputArgs() {}

  /**
   * @param chunk null for the whole title
   * @param leadInSeconds where the title's first picture is in the container ({@link
   *     ProbeResult#leadInSeconds})
   * @param recording the source is a recording ({@link Recording}): read through its glitches
   * @param threads threads for decoding and the filter graph; 0 lets ffmpeg decide
   */
  static List<String> of(
      Path source,
      InputSpec input,
      ChunkPlanner.Chunk chunk,
      double leadInSeconds,
      boolean recording,
      int threads) {
    List<String> args = new ArrayList<>();
    if (recording) {
      // Transport glitches are not damage (Recording): no -xerror, jumps closed.
      args.addAll(List.of("-dts_delta_threshold", Recording.JUMP_THRESHOLD));
    } else if (!input.concealCorruption()) {
      // Damaged input stops the encode (INPUT_CORRUPT) instead of being papered over with
      // concealment.
      args.add("-xerror");
    }
    if (threads > 0) {
      args.addAll(
          List.of(
              "-threads",
              Integer.toString(threads),
              "-filter_complex_threads",
              Integer.toString(threads)));
    }
    // Input options: seeking before -i while transcoding is frame-accurate and starts the output's
    // timestamps at 0, so forced keyframes and segment cuts fall where the whole-title encode puts
    // them. The title starts with its first picture: a lead-in (audio that starts before the
    // picture) is skipped the same way.
    double seek = (chunk == null ? 0 : chunk.startSeconds()) + leadInSeconds;
    if (chunk != null || seek > 0) {
      args.addAll(List.of("-ss", SecondsArg.of(seek)));
    }
    if (chunk != null) {
      if (!chunk.last()) {
        // Read a little past the end; the filter graph's trim cuts at the exact frame.
        args.addAll(List.of("-t", SecondsArg.of(chunk.durationSeconds() + 1)));
      }
    }
    // Untrusted input: local files and pipes only, never the network or a URL a playlist points at.
    args.addAll(List.of("-protocol_whitelist", "file,pipe", "-i", source.toString()));
    return args;
  }

  /**
   * The source read as the ladder reads it for {@code unit} (same damage policy, seek, chunk,
   * lead-in and threads): the measurements of a unit compare with exactly what its ladder encoded.
   */
  static List<String> asLadder(
      Path source,
      HlsforgeSettings s,
      ProbeResult probe,
      List<PlannedRendition> unit,
      ChunkPlanner.Chunk chunk,
      int threads) {
    return of(
        source,
        s.input(),
        chunk,
        LadderCommandBuilder.titleStartSeconds(unit, probe),
        Recording.is(probe),
        threads);
  }

  /**
   * A rendition's local playlist, as written by the ladder, read back to measure it: decoded with
   * the unit's threads (0 lets ffmpeg decide).
   */
  static List<String> ofPlaylist(Path playlist, int threads) {
    List<String> args = new ArrayList<>();
    if (threads > 0) {
      args.addAll(List.of("-threads", Integer.toString(threads)));
    }
    args.addAll(List.of("-i", playlist.toString()));
    return args;
  }
}
