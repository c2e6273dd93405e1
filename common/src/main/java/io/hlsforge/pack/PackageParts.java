package io.hlsforge.pack;

import io.hlsforge.hls.BandwidthCalculator;
import io.hlsforge.hls.MediaPlaylistWriter;
import io.hlsforge.hls.MediaSegment;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the parts of a chunked title (one per video chunk, one for the audio) into the rows of one
 * package, and computes a rendition row's measured aggregates from its segment rows. Pure.
 */
public final class PackageParts {
  private PackageParts() {}

  /**
   * {@code template} with segment count, duration, bytes, target duration and bandwidths of {@code
   * segments}.
   */
  public static RenditionRecord withSegments(RenditionRecord t, List<SegmentRecord> segments) {
    return withSegments(t, segments, t.packageMs());
  }

  private static RenditionRecord withSegments(
      RenditionRecord t, List<SegmentRecord> segments, long packageMs) {
    List<MediaSegment> media =
        segments.stream()
            .map(s -> new MediaSegment(s.fileName(), s.durationS(), s.bytes()))
            .toList();
    int target = MediaPlaylistWriter.targetDuration(media);
    return new RenditionRecord(
        t.runId(),
        t.assetId(),
        t.encodingId(),
        t.rendition(),
        t.kind(),
        t.mediaUri(),
        t.width(),
        t.height(),
        t.frameRate(),
        t.videoKbpsTarget(),
        t.audioKbpsTarget(),
        t.audioChannels(),
        t.language(),
        t.codecs(),
        t.segmentFormat(),
        t.initFileName(),
        segments.size(),
        segments.stream().mapToDouble(SegmentRecord::durationS).sum(),
        segments.stream().mapToLong(SegmentRecord::bytes).sum(),
        target,
        BandwidthCalculator.peakBitsPerSecond(media, target),
        BandwidthCalculator.averageBitsPerSecond(media),
        t.encoderVersion(),
        t.packagedAtMs(),
        packageMs);
  }

  /**
   * One package from its parts: segments of each rendition in index order, rendition rows
   * recomputed over all of them (in the order the parts first name them). Refuses parts that
   * disagree on a rendition's CODECS or repeat a segment index.
   */
  public static PackageOutcome merge(List<PackageOutcome> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Map<String, RenditionRecord> templates = new LinkedHashMap<>();
    Map<String, Long> packageMs = new java.util.HashMap<>();
    Map<String, List<SegmentRecord>> segments = new LinkedHashMap<>();
    for (PackageOutcome part : parts) {
      for (RenditionRecord r : part.renditions()) {
        RenditionRecord first = templates.putIfAbsent(r.rendition(), r);
        packageMs.merge(r.rendition(), r.packageMs(), Long::sum);
        if (first != null && !java.util.Objects.equals(first.codecs(), r.codecs())) {
          throw new IllegalArgumentException(
              "Cannot join the chunks of "
                  + r.assetId()
                  + "/"
                  + r.rendition()
                  + ": CODECS "
                  + first.codecs()
                  + " vs "
                  + r.codecs());
        }
      }
      for (SegmentRecord s : part.segments()) {
        segments.computeIfAbsent(s.rendition(), k -> new ArrayList<>()).add(s);
      }
    }
    List<RenditionRecord> renditions = new ArrayList<>();
    List<SegmentRecord> all = new ArrayList<>();
    for (RenditionRecord t : templates.values()) {
      List<SegmentRecord> mine = new ArrayList<>(segments.getOrDefault(t.rendition(), List.of()));
      mine.sort(Comparator.comparingInt(SegmentRecord::segmentIndex));
      for (int i = 1; i < mine.size(); i++) {
        if (mine.get(i).segmentIndex() == mine.get(i - 1).segmentIndex()) {
          throw new IllegalArgumentException(
              "Cannot join the chunks of "
                  + t.assetId()
                  + "/"
                  + t.rendition()
                  + ": segment "
                  + mine.get(i).segmentIndex()
                  + " appears twice");
        }
      }
      renditions.add(withSegments(t, mine, packageMs.get(t.rendition())));
      all.addAll(mine);
    }
    return new PackageOutcome(renditions, all);
  }
}
