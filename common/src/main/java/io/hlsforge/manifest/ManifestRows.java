package io.hlsforge.manifest;

import io.hlsforge.config.ConfigWord;
import io.hlsforge.config.SegmentFormat;
import io.hlsforge.model.AudioLoudness;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.Keyframe;
import io.hlsforge.model.Loudness;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.PictureQuality;
import io.hlsforge.model.RenditionKind;
import io.hlsforge.model.Segment;
import io.hlsforge.model.Selection;
import io.hlsforge.model.VideoRange;
import io.hlsforge.pack.PackageOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one converter between the package model ({@link EncodedPackage}) and its storage schema, the
 * rows of manifests/renditions and manifests/segments. Pure.
 */
public final class ManifestRows {
  private ManifestRows() {}

  /** The rows that record {@code pkg}, as packaged by run {@code runId}. */
  public static PackageOutcome toRows(
      String runId, String encoderVersion, long packagedAtMs, EncodedPackage pkg) {
    List<RenditionRecord> renditions = new ArrayList<>();
    List<SegmentRecord> segments = new ArrayList<>();
    for (PackagedRendition r : pkg.renditions()) {
      PictureQuality q = r.quality();
      AudioLoudness l = r.loudness();
      Loudness published = l == null ? null : l.published();
      Loudness source = l == null ? null : l.source();
      renditions.add(
          new RenditionRecord(
              runId,
              pkg.assetId(),
              pkg.encodingId(),
              r.name(),
              r.kind().word(),
              r.mediaUri(),
              r.width(),
              r.height(),
              r.frameRate(),
              r.videoKbpsTarget(),
              r.audioKbpsTarget(),
              r.audioChannels(),
              r.language(),
              r.codecs(),
              r.segmentFormat().word(),
              r.initFileName(),
              r.segmentCount(),
              r.durationS(),
              r.totalBytes(),
              r.targetDuration(),
              r.peakBandwidth(),
              r.averageBandwidth(),
              encoderVersion,
              packagedAtMs,
              r.packageMs(),
              r.media() == null ? null : r.media().name(),
              r.media() == null ? null : r.media().selection().word(),
              r.media() != null && r.media().forced(),
              r.media() == null ? null : r.media().characteristics(),
              r.sourceTracks(),
              r.videoRange() == null ? null : r.videoRange().name(),
              q == null ? null : q.psnrYDb(),
              q == null ? null : q.ssim(),
              q == null ? null : q.xpsnrDb(),
              r.worstSegmentPsnrYDb(),
              published == null ? null : published.integratedLufs(),
              published == null ? null : published.rangeLu(),
              published == null ? null : published.truePeakDbtp(),
              source == null ? null : source.integratedLufs(),
              source == null ? null : source.rangeLu(),
              source == null ? null : source.truePeakDbtp(),
              l == null ? null : l.targetLufs()));
      for (Segment s : r.segments()) {
        segments.add(segmentRow(runId, pkg, r.name(), s));
      }
    }
    return new PackageOutcome(renditions, segments);
  }

  private static SegmentRecord segmentRow(
      String runId, EncodedPackage pkg, String rendition, Segment s) {
    PictureQuality q = s.quality();
    return new SegmentRecord(
        runId,
        pkg.assetId(),
        pkg.encodingId(),
        rendition,
        s.index(),
        s.fileName(),
        s.uri(),
        s.durationS(),
        s.startS(),
        s.startPts(),
        s.bytes(),
        s.byteOffset(),
        s.sha256(),
        s.startsWithKeyframe(),
        s.keyframes().stream().map(Keyframe::timeS).toList(),
        s.keyframes().stream().map(Keyframe::offset).toList(),
        s.keyframes().stream().map(Keyframe::length).toList(),
        q == null ? null : q.psnrYDb(),
        q == null ? null : q.ssim(),
        q == null ? null : q.xpsnrDb(),
        q == null ? null : q.frames());
  }

  /**
   * The package that the rows of one encoding record. Refuses segment rows that are not exactly
   * 0..n-1 of a rendition, or a count that disagrees with the rendition row.
   */
  public static EncodedPackage toPackage(
      List<RenditionRecord> renditions, List<SegmentRecord> segments) {
    if (renditions.isEmpty()) {
      throw new IllegalArgumentException("Cannot read a package from no rendition rows");
    }
    RenditionRecord first = renditions.get(0);
    List<PackagedRendition> out = new ArrayList<>();
    for (RenditionRecord r : renditions) {
      out.add(rendition(r, segmentsOf(r, segments)));
    }
    return new EncodedPackage(first.assetId(), first.encodingId(), out);
  }

  private static PackagedRendition rendition(RenditionRecord r, List<Segment> segments) {
    return new PackagedRendition(
        r.rendition(),
        RenditionKind.ofWord(r.kind()),
        r.width(),
        r.height(),
        r.frameRate(),
        r.videoKbpsTarget(),
        r.audioKbpsTarget(),
        r.audioChannels(),
        media(r),
        r.sourceTracks() == null ? List.of() : r.sourceTracks(),
        r.codecs(),
        ConfigWord.parse(SegmentFormat.class, "renditions.segment_format", r.segmentFormat()),
        r.mediaUri(),
        r.initFileName(),
        segments,
        r.packageMs(),
        r.videoRange() == null ? null : VideoRange.ofName(r.videoRange()),
        loudness(r));
  }

  /** An audio row's loudness; null for rows without it (other kinds, rows from before it). */
  private static AudioLoudness loudness(RenditionRecord r) {
    if (r.loudnessLufs() == null) {
      return null;
    }
    Loudness source =
        r.sourceLoudnessLufs() == null
            ? null
            : new Loudness(
                r.sourceLoudnessLufs(), r.sourceLoudnessRangeLu(), r.sourceTruePeakDbtp());
    return new AudioLoudness(
        source,
        new Loudness(r.loudnessLufs(), r.loudnessRangeLu(), r.truePeakDbtp()),
        r.loudnessTargetLufs());
  }

  /**
   * An audio row's EXT-X-MEDIA attributes. Rows written before these columns existed carry only the
   * language: they read as the one DEFAULT rendition their release published, named by channels.
   */
  private static MediaAttributes media(RenditionRecord r) {
    if (RenditionKind.VIDEO.word().equals(r.kind())) {
      return null;
    }
    String language = r.language() == null ? "und" : r.language();
    if (r.mediaName() == null) {
      String name =
          switch (r.audioChannels()) {
            case 1 -> "Mono";
            case 2 -> "Stereo";
            case 6 -> "5.1";
            default -> r.audioChannels() + " channels";
          };
      return new MediaAttributes(language, name, Selection.DEFAULT, false, null);
    }
    return new MediaAttributes(
        language,
        r.mediaName(),
        ConfigWord.parse(Selection.class, "renditions.selection", r.selection()),
        r.forced(),
        r.characteristics());
  }

  /** One segment row as the model's segment. */
  public static Segment segment(SegmentRecord s) {
    List<Keyframe> keyframes = new ArrayList<>();
    List<Double> times = s.keyframeTimes() == null ? List.of() : s.keyframeTimes();
    for (int k = 0; k < times.size(); k++) {
      keyframes.add(
          new Keyframe(times.get(k), s.keyframeOffsets().get(k), s.keyframeLengths().get(k)));
    }
    return new Segment(
        s.segmentIndex(),
        s.fileName(),
        s.uri(),
        s.durationS(),
        s.startS(),
        s.startPts(),
        s.bytes(),
        s.byteOffset(),
        s.sha256(),
        s.startsWithKeyframe(),
        keyframes,
        s.qualityFrames() == null
            ? null
            : new PictureQuality(s.qualityFrames(), s.psnrYDb(), s.ssim(), s.xpsnrDb()));
  }

  private static List<Segment> segmentsOf(RenditionRecord r, List<SegmentRecord> all) {
    List<SegmentRecord> mine =
        all.stream()
            .filter(
                s -> s.encodingId().equals(r.encodingId()) && s.rendition().equals(r.rendition()))
            .sorted(Comparator.comparingInt(SegmentRecord::segmentIndex))
            .toList();
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i).segmentIndex() != i) {
        throw new IllegalArgumentException(
            "Cannot derive playlist for "
                + r.assetId()
                + "/"
                + r.rendition()
                + ": segment rows are not 0.."
                + (mine.size() - 1)
                + " (found index "
                + mine.get(i).segmentIndex()
                + " at "
                + i
                + ")");
      }
    }
    if (mine.size() != r.segmentCount()) {
      throw new IllegalArgumentException(
          "Cannot derive playlist for "
              + r.assetId()
              + "/"
              + r.rendition()
              + ": rendition row says "
              + r.segmentCount()
              + " segments, manifest has "
              + mine.size());
    }
    return mine.stream().map(ManifestRows::segment).toList();
  }
}
