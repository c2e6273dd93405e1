package io.hlsforge.inspect;

/**
 * The one track of an HLS fMP4 init segment.
 *
 * @param timescale ticks per second of the track's media time (mdhd)
 * @param width picture width, 0 for non-video tracks
 * @param height picture height, 0 for non-video tracks
 * @param codec RFC 6381 codec from the sample entry ({@code avc1.PPCCLL}, {@code hvc1.…}, {@code
 *     mp4a.40.N}), or the bare sample-entry format when the entry carries no configuration
 * @param sampleRate Hz for audio tracks, 0 otherwise
 * @param signal a video track's bit depth and transfer (avcC's SPS; hvcC and the colr box), null
 *     when the entry does not say
 */
public record Mp4Track(
    TrackKind kind,
    long timescale,
    int width,
    int height,
    String codec,
    int sampleRate,
    VideoSignal signal) {
  public Mp4Track(
      TrackKind kind, long timescale, int width, int height, String codec, int sampleRate) {
    this(kind, timescale, width, height, codec, sampleRate, null);
  }

  public boolean isVideo() {
    return kind == TrackKind.VIDEO;
  }
}
