package io.hlsforge.config;

import java.io.Serializable;
import java.util.List;

/**
 * The audio every package carries: codec, stereo bit rate and channels, sample rate, 5.1 bit rate;
 * which of the source's audio tracks to keep when the catalogue does not say ({@code tracks}, see
 * docs/tracks.md); the languages, in order of preference, whose track is the default; and the
 * loudness every re-encoded rendition is normalised to, if any.
 */
public record AudioSpec(
    String codec,
    int kbps,
    int channels,
    int sampleRate,
    int surroundKbps,
    String tracks,
    List<String> preferredLanguages,
    LoudnessSpec loudness)
    implements Serializable {

  public AudioSpec {
    preferredLanguages = List.copyOf(preferredLanguages);
    loudness = loudness == null ? LoudnessSpec.off() : loudness;
  }
}
