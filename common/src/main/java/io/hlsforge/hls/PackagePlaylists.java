package io.hlsforge.hls;

import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives every playlist of one packaged encoding from its manifest rows (the manifest is the
 * source of truth; ffmpeg's own playlists are never published). Pure.
 *
 * <p>Hosting layout, relative to {@code {hosting}/{asset_id}/}:
 *
 * <pre>
 *   master.m3u8                              stable entry point, points into the current encoding
 *   {encoding}/master.m3u8                   versioned master
 *   {encoding}/{rendition}/index.m3u8        media playlist
 *   {encoding}/{rendition}/segment_NNNNN.ts  segments
 * </pre>
 */
public final class PackagePlaylists {
  public static final String MASTER = "master.m3u8";
  public static final String MEDIA = "index.m3u8";

  private PackagePlaylists() {}

  public record Derived(Map<String, String> mediaPlaylists, String versionedMaster, String stableMaster) {}

  public static Derived derive(String encodingId, List<RenditionRecord> renditions, List<SegmentRecord> segments) {
    if (renditions.isEmpty()) {
      throw new IllegalArgumentException("Cannot derive playlists for encoding " + encodingId + ": no renditions");
    }
    Map<String, String> media = new LinkedHashMap<>();
    List<VariantStream> versioned = new ArrayList<>();
    List<VariantStream> stable = new ArrayList<>();
    for (RenditionRecord r : renditions) {
      List<MediaSegment> segs = segmentsOf(r, segments);
      media.put(r.rendition(), MediaPlaylistWriter.write(segs));
      int target = MediaPlaylistWriter.targetDuration(segs);
      long peak = BandwidthCalculator.peakBitsPerSecond(segs, target);
      long average = BandwidthCalculator.averageBitsPerSecond(segs);
      String path = r.rendition() + "/" + MEDIA;
      versioned.add(new VariantStream(path, peak, average, r.codecs(), r.width(), r.height(), r.frameRate()));
      stable.add(new VariantStream(encodingId + "/" + path, peak, average, r.codecs(), r.width(), r.height(), r.frameRate()));
    }
    return new Derived(media, MasterPlaylistWriter.write(versioned), MasterPlaylistWriter.write(stable));
  }

  /** The rendition's segments in order; refuses gaps, duplicates or a count that disagrees with the rendition row. */
  static List<MediaSegment> segmentsOf(RenditionRecord r, List<SegmentRecord> all) {
    List<SegmentRecord> mine = all.stream()
        .filter(s -> s.encodingId().equals(r.encodingId()) && s.rendition().equals(r.rendition()))
        .sorted(Comparator.comparingInt(SegmentRecord::segmentIndex))
        .toList();
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i).segmentIndex() != i) {
        throw new IllegalArgumentException("Cannot derive playlist for " + r.assetId() + "/" + r.rendition()
            + ": segment rows are not 0.." + (mine.size() - 1) + " (found index " + mine.get(i).segmentIndex() + " at " + i + ")");
      }
    }
    if (mine.size() != r.segmentCount()) {
      throw new IllegalArgumentException("Cannot derive playlist for " + r.assetId() + "/" + r.rendition() + ": rendition row says "
          + r.segmentCount() + " segments, manifest has " + mine.size());
    }
    return mine.stream().map(s -> new MediaSegment(s.fileName(), s.durationS(), s.bytes())).toList();
  }
}
