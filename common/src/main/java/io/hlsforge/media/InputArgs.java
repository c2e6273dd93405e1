package io.hlsforge.media;

import io.hlsforge.config.InputSpec;
import io.hlsforge.plan.ChunkPlanner;
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
   * @param threads threads for decoding and the filter graph; 0 lets ffmpeg decide
   */
  static List<String> of(Path source, InputSpec input, ChunkPlanner.Chunk chunk, int threads) {
    List<String> args = new ArrayList<>();
    if (!input.concealCorruption()) {
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
    if (chunk != null) {
      // Input options: seeking before -i while transcoding is frame-accurate and starts the
      // chunk's timestamps at 0, so forced keyframes and segment cuts fall where the whole-title
      // encode puts them.
      args.addAll(List.of("-ss", SecondsArg.of(chunk.startSeconds())));
      if (!chunk.last()) {
        // Read a little past the end; the filter graph's trim cuts at the exact frame.
        args.addAll(List.of("-t", SecondsArg.of(chunk.durationSeconds() + 1)));
      }
    }
    // Untrusted input: local files and pipes only, never the network or a URL a playlist points at.
    args.addAll(List.of("-protocol_whitelist", "file,pipe", "-i", source.toString()));
    return args;
  }
}
