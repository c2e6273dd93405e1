package io.hlsforge.testkit;

import io.hlsforge.media.AudioTrack;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SubtitleTrack;
import io.hlsforge.media.VideoColour;
import io.hlsforge.plan.ProbedAsset;
import java.util.List;

/**
 * Probe results as tests write them by hand: the fields a test cares about, the timeline starting
 * at 0 and the colour not described (what {@code FfprobeJsonParser} makes of a plain SDR file).
 */
public final class Probes {
  private Probes() {}

  /** A source whose timeline starts with its video at 0 and whose colour is not described. */
  public static ProbeResult of(
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
      List<SubtitleTrack> subtitleTracks) {
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
        0,
        0,
        0,
        VideoColour.UNKNOWN);
  }

  /** A source with at most one audio stream (described by the audio fields) and no subtitles. */
  public static ProbeResult of(
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
      String audioLanguage) {
    return Probes.of(
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
        ProbeResult.singleTrack(audioCodec, audioChannels, audioSampleRate, audioLanguage),
        List.of());
  }

  /** An asset with the configured default audio selection and no subtitle sidecars. */
  public static ProbedAsset asset(
      String assetId,
      String sourceUri,
      long sourceBytes,
      long sourceModifiedMs,
      ProbeResult probe) {
    return new ProbedAsset(
        assetId, sourceUri, sourceBytes, sourceModifiedMs, probe, null, List.of());
  }
}
