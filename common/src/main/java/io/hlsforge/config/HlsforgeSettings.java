package io.hlsforge.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The resolved, immutable settings of one run. Built once on the driver from a {@link Config} (see
 * {@link ConfigLoader} for precedence) and shipped to executors; it never reads config again.
 */
public record HlsforgeSettings(
    double segmentSeconds,
    VideoSpec video,
    List<RenditionSpec> ladder,
    SegmentFormat segmentFormat,
    MediaLayout layout,
    List<RenditionSpec> hevcLadder,
    HdrMode hdr,
    CopySpec copy,
    AudioSpec audio,
    int ffmpegThreads,
    long ffmpegTimeoutSeconds,
    double ffmpegTimeoutPerMediaSecond,
    long ffmpegMemoryLimit,
    long probeTimeoutSeconds,
    String scratchDir,
    long scratchMaxSourceBytes,
    InputSpec input,
    double maxFailureRatio,
    List<String> scanExtensions,
    PublishSpec publish,
    S3Spec s3,
    CdnSpec cdn,
    ChunkingSpec chunking,
    MetricsSpec metrics,
    long progressLogSeconds,
    QualitySpec quality)
    implements Serializable {

  public HlsforgeSettings {
    ladder = List.copyOf(ladder);
    hevcLadder = List.copyOf(hevcLadder);
    if (!hevcLadder.isEmpty() && segmentFormat != SegmentFormat.FMP4) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.hevc-ladder with segment-format="
              + segmentFormat.word()
              + ": HEVC needs \""
              + SegmentFormat.FMP4.word()
              + "\"");
    }
    if (hdr == HdrMode.SDR_AND_HDR && segmentFormat != SegmentFormat.FMP4) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.hdr="
              + hdr.word()
              + " with segment-format="
              + segmentFormat.word()
              + ": HDR renditions are HEVC, which needs \""
              + SegmentFormat.FMP4.word()
              + "\"");
    }
    scanExtensions = List.copyOf(scanExtensions);
    if (segmentSeconds < 1 || segmentSeconds > 30) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.segment-seconds=" + segmentSeconds + ": must be within 1..30");
    }
    double ratio = segmentSeconds / video.keyframeIntervalSeconds();
    if (video.keyframeIntervalSeconds() <= 0 || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.video.keyframe-interval-seconds="
              + video.keyframeIntervalSeconds()
              + ": it must divide hlsforge.segment-seconds="
              + segmentSeconds);
    }
    if (ladder.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot use an empty hlsforge.ladder: at least one rung is needed");
    }
    if (audio.loudness().normalises() && copy.mode() != CopyMode.OFF) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.audio.loudness-target with hlsforge.copy.mode="
              + copy.mode().word()
              + ": normalising re-encodes the audio, and copied titles would be left as they are");
    }
    if (maxFailureRatio < 0 || maxFailureRatio > 1) {
      throw new IllegalArgumentException(
          "Cannot use hlsforge.max-failure-ratio=" + maxFailureRatio + ": must be within 0..1");
    }
  }

  private static List<RenditionSpec> rungs(Config c, String path) {
    return c.getConfigList(path).stream()
        .map(
            r -> new RenditionSpec(r.getString("name"), r.getInt("height"), r.getInt("video-kbps")))
        .toList();
  }

  /**
   * How long an ffmpeg child encoding {@code mediaSeconds} of source may run before it is killed.
   */
  public Duration ffmpegTimeout(double mediaSeconds) {
    return Duration.ofSeconds(
        ffmpegTimeoutSeconds + Math.round(ffmpegTimeoutPerMediaSecond * Math.max(0, mediaSeconds)));
  }

  public boolean fmp4() {
    return segmentFormat == SegmentFormat.FMP4;
  }

  /** Whether each rendition is one media object addressed by byte ranges. */
  public boolean singleFile() {
    return layout == MediaLayout.SINGLE_FILE;
  }

  private static <E extends Enum<E> & ConfigWord> E word(Config c, Class<E> type, String key) {
    return ConfigWord.parse(type, "hlsforge." + key, c.getString(key));
  }

  /** Reads the {@code hlsforge} block of an already-resolved config. */
  public static HlsforgeSettings from(Config root) {
    Config c = root.getConfig("hlsforge");
    List<RenditionSpec> ladder = rungs(c, "ladder");
    return new HlsforgeSettings(
        c.getDouble("segment-seconds"),
        new VideoSpec(
            c.getString("video.codec"),
            c.getString("video.preset"),
            c.getString("video.profile"),
            c.getDouble("video.keyframe-interval-seconds"),
            c.getDouble("video.maxrate-factor"),
            c.getDouble("video.bufsize-factor")),
        ladder,
        word(c, SegmentFormat.class, "segment-format"),
        word(c, MediaLayout.class, "layout"),
        rungs(c, "hevc-ladder"),
        word(c, HdrMode.class, "hdr"),
        new CopySpec(word(c, CopyMode.class, "copy.mode"), c.getBoolean("copy.allow-mp3")),
        new AudioSpec(
            c.getString("audio.codec"),
            c.getInt("audio.kbps"),
            c.getInt("audio.channels"),
            c.getInt("audio.sample-rate"),
            c.getInt("audio.surround-kbps"),
            c.getString("audio.tracks"),
            c.getStringList("audio.preferred-languages"),
            new LoudnessSpec(
                c.getIsNull("audio.loudness-target") ? null : c.getDouble("audio.loudness-target"),
                c.getDouble("audio.true-peak-ceiling"))),
        c.getInt("ffmpeg.threads"),
        c.getLong("ffmpeg.timeout-seconds"),
        c.getDouble("ffmpeg.timeout-per-media-second"),
        c.getBytes("ffmpeg.memory-limit"),
        c.getLong("ffmpeg.probe-timeout-seconds"),
        c.getString("scratch-dir"),
        c.getBytes("scratch-max-source-bytes"),
        new InputSpec(
            c.getInt("input.max-width"),
            c.getInt("input.max-height"),
            word(c, OnCorruption.class, "input.on-corruption")),
        c.getDouble("max-failure-ratio"),
        c.getStringList("scan-extensions"),
        new PublishSpec(
            c.getBoolean("publish.strict"),
            c.getBoolean("publish.ffprobe-cross-check"),
            c.getString("publish.segment-cache-control"),
            c.getString("publish.playlist-cache-control"),
            c.getString("publish.master-cache-control"),
            word(c, PublishMedia.class, "publish.media"),
            c.getInt("publish.index-max-assets")),
        new S3Spec(
            c.getString("s3.endpoint"),
            c.getString("s3.region"),
            c.getBoolean("s3.path-style-access")),
        new CdnSpec(
            c.getBoolean("cdn.invalidate"),
            c.getString("cdn.distribution-id"),
            c.getString("cdn.path-prefix"),
            c.getString("cdn.endpoint")),
        new ChunkingSpec(
            c.getBoolean("chunking.enabled"),
            c.getDouble("chunking.min-title-seconds"),
            c.getInt("chunking.segments-per-chunk")),
        new MetricsSpec(c.getString("metrics.pushgateway-url"), c.getString("metrics.job")),
        c.getLong("progress-log-seconds"),
        new QualitySpec(
            c.getStringList("quality.metrics").stream()
                .map(m -> ConfigWord.parse(QualityMetric.class, "hlsforge.quality.metrics", m))
                .toList()));
  }
}
