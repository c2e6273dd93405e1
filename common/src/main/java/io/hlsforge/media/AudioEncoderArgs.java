package io.hlsforge.media;

import io.hlsforge.config.AudioSpec;
import io.hlsforge.plan.PlannedRendition;
import java.util.ArrayList;
import java.util.List;

/**
 * How every audio output stream is encoded: copied as it is, or the configured codec (AAC) at one
 * sample rate, each stream with its own bit rate and channel count (stereo, 5.1).
 */
final class AudioEncoderArgs {
  private AudioEncoderArgs() {}

  static List<String> of(OutputStreams streams, AudioSpec spec) {
    List<PlannedRendition> audio = streams.audio();
    if (streams.copiesAudio()) {
      return List.of("-c:a", "copy");
    }
    if (audio.isEmpty()) {
      return List.of();
    }
    List<String> args =
        new ArrayList<>(List.of("-c:a", spec.codec(), "-ar", Integer.toString(spec.sampleRate())));
    for (int i = 0; i < audio.size(); i++) {
      PlannedRendition r = audio.get(i);
      args.addAll(
          List.of(
              "-b:a:" + i, r.audioKbps() + "k", "-ac:a:" + i, Integer.toString(r.audioChannels())));
    }
    return args;
  }
}
