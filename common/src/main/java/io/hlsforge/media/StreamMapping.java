package io.hlsforge.media;

import io.hlsforge.plan.ChunkPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Which streams go out, in {@link OutputStreams} order: the source's video itself (copy mode) or
 * the filter graph's scaled pictures, the source's first audio stream once per audio rendition, and
 * never subtitles or data.
 */
final class StreamMapping {
  private StreamMapping() {}

  static List<String> of(OutputStreams streams, ProbeResult probe, ChunkPlanner.Chunk chunk) {
    List<String> args = new ArrayList<>();
    if (streams.copiesVideo()) {
      args.addAll(List.of("-map", "0:v:0"));
    } else if (!streams.video().isEmpty()) {
      args.addAll(List.of("-filter_complex", VideoFilterGraph.of(probe, chunk, streams.video())));
      for (int i = 0; i < streams.video().size(); i++) {
        args.addAll(List.of("-map", VideoFilterGraph.output(i)));
      }
    }
    for (int i = 0; i < streams.audio().size(); i++) {
      args.addAll(List.of("-map", "0:a:0"));
    }
    args.addAll(List.of("-sn", "-dn"));
    return args;
  }
}
