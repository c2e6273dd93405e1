package io.hlsforge.media;

import io.hlsforge.plan.ChunkPlanner;
import io.hlsforge.plan.PlannedRendition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which streams go out, in {@link OutputStreams} order: the source's video itself (copy mode) or
 * the filter graph's scaled pictures, then per audio rendition its source audio stream ({@code
 * 0:a:<n>}) or, for a mono pair, the two mono streams joined into one stereo stream; never
 * subtitles or data (subtitle renditions are made by their own command).
 */
final class StreamMapping {
  // Each audio output is put on the picture's timeline (AudioTimeline); inside the filter graph
  // for a joined pair, as a stream's own -filter otherwise (ffmpeg allows no -filter on a stream
  // that comes out of -filter_complex).
  private StreamMapping() {}

  /**
   * @param audioChains per audio rendition name, a chain that replaces its timeline alignment
   *     (which it includes): loudness normalisation
   */
  static List<String> of(
      OutputStreams streams,
      ProbeResult probe,
      ChunkPlanner.Chunk chunk,
      Map<String, String> audioChains) {
    List<String> args = new ArrayList<>();
    if (streams.copiesVideo()) {
      args.addAll(List.of("-map", "0:v:0"));
    } else if (!streams.video().isEmpty()) {
      args.addAll(List.of("-filter_complex", VideoFilterGraph.of(probe, chunk, streams.video())));
      for (int i = 0; i < streams.video().size(); i++) {
        args.addAll(List.of("-map", VideoFilterGraph.output(i)));
      }
    }
    Optional<String> aligned = AudioTimeline.forUnit(streams, probe);
    for (int i = 0; i < streams.audio().size(); i++) {
      PlannedRendition a = streams.audio().get(i);
      Optional<String> chain = Optional.ofNullable(audioChains.get(a.name())).or(() -> aligned);
      List<Integer> tracks = a.sourceTracks().isEmpty() ? List.of(0) : a.sourceTracks();
      if (a.joinsMonoPair()) {
        String joined = "[pair" + i + "]";
        args.addAll(
            List.of(
                "-filter_complex",
                "[0:a:"
                    + tracks.get(0)
                    + "][0:a:"
                    + tracks.get(1)
                    + "]join=inputs=2:channel_layout=stereo"
                    + chain.map(f -> "," + f).orElse("")
                    + joined,
                "-map",
                joined));
      } else {
        args.addAll(List.of("-map", "0:a:" + tracks.get(0)));
        if (chain.isPresent()) {
          args.addAll(List.of("-filter:a:" + i, chain.get()));
        }
      }
    }
    args.addAll(List.of("-sn", "-dn"));
    return args;
  }
}
