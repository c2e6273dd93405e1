package io.hlsforge.manifest;

import io.hlsforge.media.AudioTrack;
import io.hlsforge.media.HdrMetadata;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SubtitleTrack;
import io.hlsforge.media.VideoColour;
import io.hlsforge.plan.ProbedAsset;
import io.hlsforge.tracks.SubtitleSidecar;
import java.io.Serializable;
import java.util.List;

/**
 * A row of manifests/probes: one probed asset (see docs/manifests.md). The storage form of a {@link
 * ProbedAsset}: {@link #of} and {@link #toAsset} are the one conversion each way. The components
 * are the Parquet schema, in order; do not rename or reorder them.
 */
public record ProbeRecord(
    String runId,
    String assetId,
    String sourceUri,
    String title,
    long sourceBytes,
    long sourceModifiedMs,
    String container,
    double durationS,
    long bitRate,
    String videoCodec,
    String videoProfile,
    int videoLevel,
    int width,
    int height,
    String sar,
    double frameRate,
    double nominalFrameRate,
    boolean interlaced,
    int rotation,
    String audioCodec,
    int audioChannels,
    int audioSampleRate,
    String audioLanguage,
    long probedAtMs,
    List<AudioTrack> audioTracks,
    List<SubtitleTrack> subtitleTracks,
    String audioSelection,
    List<SubtitleSidecar> sidecars,
    double startS,
    double videoStartS,
    double videoDurationS,
    String pixelFormat,
    String colorPrimaries,
    String colorTransfer,
    String colorSpace,
    String colorRange,
    String masterDisplay,
    String maxCll)
    implements Serializable {

  /**
   * The row recording that run {@code runId} probed {@code asset} (catalogue title {@code title}).
   */
  public static ProbeRecord of(String runId, String title, ProbedAsset asset, long probedAtMs) {
    ProbeResult p = asset.probe();
    return new ProbeRecord(
        runId,
        asset.assetId(),
        asset.sourceUri(),
        title,
        asset.sourceBytes(),
        asset.sourceModifiedMs(),
        p.container(),
        p.durationSeconds(),
        p.bitRate(),
        p.videoCodec(),
        p.videoProfile(),
        p.videoLevel(),
        p.width(),
        p.height(),
        p.sarNum() + ":" + p.sarDen(),
        p.frameRate(),
        p.nominalFrameRate(),
        p.interlaced(),
        p.rotation(),
        p.audioCodec(),
        p.audioChannels(),
        p.audioSampleRate(),
        p.audioLanguage(),
        probedAtMs,
        p.audioTracks(),
        p.subtitleTracks(),
        asset.audioSelection(),
        asset.sidecars(),
        p.startSeconds(),
        p.videoStartSeconds(),
        p.videoDurationSeconds(),
        p.colour().pixelFormat(),
        p.colour().primaries(),
        p.colour().transfer(),
        p.colour().matrix(),
        p.colour().range(),
        p.colour().hdr().masterDisplay(),
        p.colour().hdr().maxCll());
  }

  /** The asset this row was made from (what planning and packaging need). */
  public ProbedAsset toAsset() {
    // A row without a sample aspect ratio means square pixels; one written before audio_tracks
    // existed has the one audio stream its audio columns describe.
    String[] sarParts = sar == null ? new String[] {"1", "1"} : sar.split(":");
    ProbeResult probe =
        new ProbeResult(
            container,
            durationS,
            bitRate,
            videoCodec,
            videoProfile,
            videoLevel,
            width,
            height,
            Integer.parseInt(sarParts[0]),
            Integer.parseInt(sarParts[1]),
            frameRate,
            nominalFrameRate,
            interlaced,
            rotation,
            audioCodec,
            audioChannels,
            audioSampleRate,
            audioLanguage,
            audioTracks == null
                ? ProbeResult.singleTrack(audioCodec, audioChannels, audioSampleRate, audioLanguage)
                : audioTracks,
            subtitleTracks,
            startS,
            videoStartS,
            videoDurationS,
            new VideoColour(
                pixelFormat,
                colorPrimaries,
                colorTransfer,
                colorSpace,
                colorRange,
                new HdrMetadata(masterDisplay, maxCll)));
    return new ProbedAsset(
        assetId, sourceUri, sourceBytes, sourceModifiedMs, probe, audioSelection, sidecars);
  }
}
