package io.hlsforge.media;

import java.util.Locale;
import java.util.Optional;

/**
 * Puts every re-encoded audio rendition of a title with a picture on the picture's timeline:
 * starting at its first frame and lasting exactly as long ({@link ProbeResult#titleSeconds}). Audio
 * that starts late (phone recorders, edit lists) gets silence in front, audio that ends early
 * silence behind, audio that runs past the last picture is cut there. (What comes before the first
 * picture was already skipped by the input seek, {@link InputArgs}.) Titles without video keep
 * their audio as it is.
 */
final class AudioTimeline {
  private AudioTimeline() {}

  /**
   * The filter chain for each audio output, or empty when the title has no picture to align to.
   * {@code aresample=async=1:first_pts=0} fills a late start (and any gap in the audio's own
   * timestamps) with silence; {@code apad=whole_dur} pads to the title's length and {@code atrim}
   * cuts at it.
   */
  /**
   * The chain for the audio outputs of one command writing {@code streams}: none when a stream is
   * copied (copied streams keep the source's timing, and so does audio next to copied video).
   */
  static Optional<String> forUnit(OutputStreams streams, ProbeResult probe) {
    return streams.copiesAudio() || streams.copiesVideo() ? Optional.empty() : filter(probe);
  }

  static Optional<String> filter(ProbeResult probe) {
    if (!probe.hasVideo() || !probe.hasAudio()) {
      return Optional.empty();
    }
    String length = String.format(Locale.ROOT, "%.6f", probe.titleSeconds());
    return Optional.of(
        "aresample=async=1:first_pts=0,apad=whole_dur=" + length + ",atrim=end=" + length);
  }
}
