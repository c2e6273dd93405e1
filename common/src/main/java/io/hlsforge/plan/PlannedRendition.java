package io.hlsforge.plan;

import io.hlsforge.model.RenditionKind;
import io.hlsforge.model.VideoCodec;
import java.io.Serializable;

/**
 * One rendition to produce for one asset: a video-only rendition (picture size, video bit rate) or
 * an audio rendition (channel count, audio bit rate). Audio is never muxed into video renditions;
 * players pick it from the master's EXT-X-MEDIA audio group.
 */
public record PlannedRendition(
    String name,
    RenditionKind kind,
    VideoCodec videoCodec,
    int width,
    int height,
    int videoKbps,
    int audioKbps,
    int audioChannels,
    double frameRate,
    Coding coding)
    implements Serializable {

  public boolean isHevc() {
    return videoCodec == VideoCodec.HEVC;
  }

  public boolean isCopy() {
    return coding == Coding.COPY;
  }

  public static PlannedRendition video(
      String name, int width, int height, int videoKbps, double frameRate) {
    return new PlannedRendition(
        name,
        RenditionKind.VIDEO,
        VideoCodec.H264,
        width,
        height,
        videoKbps,
        0,
        0,
        frameRate,
        Coding.ENCODE);
  }

  /** The source's own video stream, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedVideo(String name, int width, int height, double frameRate) {
    return new PlannedRendition(
        name, RenditionKind.VIDEO, VideoCodec.H264, width, height, 0, 0, 0, frameRate, Coding.COPY);
  }

  /** The source's own audio stream, remuxed without re-encoding (copy mode). */
  public static PlannedRendition copiedAudio(String name, int channels) {
    return new PlannedRendition(
        name, RenditionKind.AUDIO, null, 0, 0, 0, 0, channels, 0, Coding.COPY);
  }

  public static PlannedRendition hevc(
      String name, int width, int height, int videoKbps, double frameRate) {
    return new PlannedRendition(
        name,
        RenditionKind.VIDEO,
        VideoCodec.HEVC,
        width,
        height,
        videoKbps,
        0,
        0,
        frameRate,
        Coding.ENCODE);
  }

  public static PlannedRendition audio(String name, int audioKbps, int channels) {
    return new PlannedRendition(
        name, RenditionKind.AUDIO, null, 0, 0, 0, audioKbps, channels, 0, Coding.ENCODE);
  }

  public boolean isAudio() {
    return kind == RenditionKind.AUDIO;
  }
}
