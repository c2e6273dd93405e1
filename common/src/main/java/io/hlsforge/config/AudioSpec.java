package io.hlsforge.config;

import java.io.Serializable;
import java.util.List;

/**
 * The audio every package carries: codec, stereo bit rate and channels, sample rate, 5.1 bit rate;
 * which of the source's audio tracks to keep when the catalogue does not say ({@code tracks}, see
 * docs/tracks.md); and the languages, in order of preference, whose track is the default.
 */
public record AudioSpec(
    String codec,
    int kbps,
    int channels,
    int sampleRate,
    int surroundKbps,
    String tracks,
    List<String> preferredLanguages)
    implements Serializable {

  public AudioSpec {
    preferredLanguages = List.copyOf(preferredLanguages);
  }
}
