package io.hlsforge.media;

import io.hlsforge.plan.PlannedRendition;
import java.util.List;

/**
 * The renditions one ffmpeg command writes, as ffmpeg numbers its output streams: video streams
 * {@code v:0…} in plan order, then audio streams {@code a:0…}. Every per-stream option ({@code
 * -c:v:1}, {@code -b:a:0}) and the hls muxer's {@code var_stream_map} use these indices.
 */
record OutputStreams(List<PlannedRendition> video, List<PlannedRendition> audio) {
  static OutputStreams of(List<PlannedRendition> renditions) {
    return new OutputStreams(
        renditions.stream().filter(PlannedRendition::isVideo).toList(),
        renditions.stream().filter(PlannedRendition::isAudio).toList());
  }

  /** The source's video stream remuxed as it is (copy mode): one stream, no filter graph. */
  boolean copiesVideo() {
    return video.size() == 1 && video.get(0).isCopy();
  }

  /** The source's audio stream remuxed as it is (copy mode). */
  boolean copiesAudio() {
    return audio.size() == 1 && audio.get(0).isCopy();
  }
}
