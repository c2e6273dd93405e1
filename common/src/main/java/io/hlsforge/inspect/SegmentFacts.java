package io.hlsforge.inspect;

import java.util.List;

/**
 * What one media segment really contains, whatever its container (MPEG-TS or fMP4): when each
 * stream starts and ends, whether it starts on a keyframe, where its keyframes are, and the codecs
 * its bytes call for. Times are seconds; ends are exclusive (last frame's time + its duration).
 *
 * @param video the video stream, null when the segment has none
 * @param audio the audio stream, null when the segment has none (a segment whose program carries
 *     neither has NaN times)
 * @param keyframes the video keyframes in segment order; empty for audio-only segments
 */
public record SegmentFacts(VideoFacts video, AudioFacts audio, List<Keyframe> keyframes) {

  /**
   * @param frames access units (TS) or samples (fMP4) in the segment
   * @param startsWithKeyframe the first access unit is an IDR / the first sample a sync sample
   * @param codec RFC 6381 codec, null when the bytes do not say (no SPS in the segment)
   * @param signal bit depth and transfer from the stream's parameter sets, null when not read
   */
  public record VideoFacts(
      double start,
      double end,
      int frames,
      boolean startsWithKeyframe,
      String codec,
      VideoSignal signal) {}

  /**
   * @param sampleRate Hz, 0 when unknown
   * @param codec RFC 6381 codec, null when the bytes do not say
   */
  public record AudioFacts(double start, double end, int sampleRate, String codec) {}

  public SegmentFacts {
    keyframes = List.copyOf(keyframes);
  }

  public boolean hasVideo() {
    return video != null;
  }

  public boolean hasAudio() {
    return audio != null;
  }

  /** Earliest presentation time of any stream in the segment. */
  public double start() {
    if (hasVideo() && hasAudio()) {
      return Math.min(video.start(), audio.start());
    }
    return hasVideo() ? video.start() : hasAudio() ? audio.start() : Double.NaN;
  }

  /** End of the main stream: video when present (it defines boundaries), else audio. */
  public double end() {
    return hasVideo() ? video.end() : hasAudio() ? audio.end() : Double.NaN;
  }

  /** The media time the segment covers, on its main stream. */
  public double duration() {
    return end() - (hasVideo() ? video.start() : hasAudio() ? audio.start() : Double.NaN);
  }

  /**
   * Whether a player can start decoding at the segment's first byte: the first video access unit is
   * a keyframe; an audio-only segment always can (every audio frame decodes on its own); a segment
   * with neither stream cannot.
   */
  public boolean startsWithKeyframe() {
    return hasVideo() ? video.startsWithKeyframe() : hasAudio();
  }

  /** The CODECS attribute value this segment's streams call for: video, then audio. */
  public String codecs() {
    StringBuilder c = new StringBuilder();
    if (hasVideo() && video.codec() != null) {
      c.append(video.codec());
    }
    if (hasAudio() && audio.codec() != null) {
      if (c.length() > 0) {
        c.append(',');
      }
      c.append(audio.codec());
    }
    return c.toString();
  }
}
