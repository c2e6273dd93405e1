package io.hlsforge.media;

import java.io.Serializable;
import java.util.List;

/**
 * What ffprobe found in a source. Video fields are null/0 for audio-only sources and audio fields
 * for silent ones. {@code frameRate} is the average rate, {@code nominalFrameRate} the stream's
 * base rate (they differ for variable-frame-rate sources); {@code interlaced} is ffprobe's field
 * order; {@code rotation} is degrees clockwise the player must rotate (0, 90, 180, 270). {@code
 * audioLanguage} is the source's ISO 639 tag, or null. The {@code audio*} fields describe the first
 * audio stream; {@code audioTracks} lists every one (the first included) and {@code subtitleTracks}
 * every subtitle stream.
 *
 * <p>Timeline: {@code startSeconds} is the container's start time (ffmpeg's zero for every stream),
 * {@code videoStartSeconds} and {@code videoDurationSeconds} the video stream's own (0 when not
 * known); see {@link #leadInSeconds} and {@link #titleSeconds}. {@code colour} is the video's pixel
 * format and colour description ({@link VideoColour#UNKNOWN} without video).
 */
public record ProbeResult(
    String container,
    double durationSeconds,
    long bitRate,
    String videoCodec,
    String videoProfile,
    int videoLevel,
    int width,
    int height,
    int sarNum,
    int sarDen,
    double frameRate,
    double nominalFrameRate,
    boolean interlaced,
    int rotation,
    String audioCodec,
    int audioChannels,
    int audioSampleRate,
    String audioLanguage,
    List<AudioTrack> audioTracks,
    List<SubtitleTrack> subtitleTracks,
    double startSeconds,
    double videoStartSeconds,
    double videoDurationSeconds,
    VideoColour colour)
    implements Serializable {

  public ProbeResult {
    audioTracks = audioTracks == null ? List.of() : List.copyOf(audioTracks);
    subtitleTracks = subtitleTracks == null ? List.of() : List.copyOf(subtitleTracks);
    colour = colour == null ? VideoColour.UNKNOWN : colour;
  }

  /** This probe with the video's length as counted from its frames. */
  public ProbeResult withVideoDurationSeconds(double seconds) {
    return new ProbeResult(
        container,
        durationSeconds,
        bitRate,
        videoCodec,
        videoProfile,
        videoLevel,
        width,
        height,
        sarNum,
        sarDen,
        frameRate,
        nominalFrameRate,
        interlaced,
        rotation,
        audioCodec,
        audioChannels,
        audioSampleRate,
        audioLanguage,
        audioTracks,
        subtitleTracks,
        startSeconds,
        videoStartSeconds,
        seconds,
        colour);
  }

  /** This probe with the colour description replaced (the HDR metadata of its first frame). */
  public ProbeResult withColour(VideoColour c) {
    return new ProbeResult(
        container,
        durationSeconds,
        bitRate,
        videoCodec,
        videoProfile,
        videoLevel,
        width,
        height,
        sarNum,
        sarDen,
        frameRate,
        nominalFrameRate,
        interlaced,
        rotation,
        audioCodec,
        audioChannels,
        audioSampleRate,
        audioLanguage,
        audioTracks,
        subtitleTracks,
        startSeconds,
        videoStartSeconds,
        videoDurationSeconds,
        c);
  }

  /** The track list of a source whose only audio stream the audio fields describe. */
  public static List<AudioTrack> singleTrack(
      String codec, int channels, int sampleRate, String language) {
    return codec == null
        ? List.of()
        : List.of(
            new AudioTrack(0, codec, channels, sampleRate, language, null, true, false, false));
  }

  /**
   * How far into the container the picture starts: the title starts with its first picture, so
   * whatever comes before it (audio that starts earlier) is not packaged. 0 without video.
   */
  public double leadInSeconds() {
    return hasVideo() ? Math.max(0, videoStartSeconds - startSeconds) : 0;
  }

  /**
   * How long the package is: the picture's length when there is video (audio that starts late or
   * ends early is padded with silence to it, audio that runs longer is cut at it), else the
   * container's duration.
   */
  public double titleSeconds() {
    if (!hasVideo()) {
      return durationSeconds;
    }
    return videoDurationSeconds > 0 ? videoDurationSeconds : durationSeconds - leadInSeconds();
  }

  public boolean hasVideo() {
    return videoCodec != null;
  }

  public boolean hasAudio() {
    return audioCodec != null;
  }

  /** Width and height as the viewer sees them: SAR applied, rotation applied. */
  public int displayWidth() {
    int w = (int) Math.round(width * (sarNum > 0 && sarDen > 0 ? (double) sarNum / sarDen : 1.0));
    return rotation % 180 == 0 ? w : height;
  }

  public int displayHeight() {
    int w = (int) Math.round(width * (sarNum > 0 && sarDen > 0 ? (double) sarNum / sarDen : 1.0));
    return rotation % 180 == 0 ? height : w;
  }
}
