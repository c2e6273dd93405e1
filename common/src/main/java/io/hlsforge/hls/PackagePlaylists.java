package io.hlsforge.hls;

import io.hlsforge.layout.HostingLayout;
import io.hlsforge.layout.HostingLayout.Encoding;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.model.RenditionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives every playlist of one packaged encoding from its manifest rows (the manifest is the
 * source of truth; ffmpeg's own playlists are never published). Pure.
 *
 * <p>Where each playlist goes and how they reference each other is {@link HostingLayout}'s.
 *
 * <p>Video renditions carry no audio; audio renditions form the group {@value #AUDIO_GROUP} that
 * every video variant references, and each variant's BANDWIDTH adds the group's largest audio peak
 * (RFC 8216 §4.3.4.2: every playable combination must fit).
 */
public final class PackagePlaylists {
  public static final String AUDIO_GROUP = "aud";

  private PackagePlaylists() {}

  /** {@code files}: path relative to the encoding directory → playlist text. */
  public record Derived(Map<String, String> files, String versionedMaster, String stableMaster) {}

  private record Measured(
      RenditionRecord rendition,
      List<SegmentRecord> segments,
      List<MediaSegment> media,
      int target,
      long peak,
      long average) {}

  public static Derived derive(
      String encodingId, List<RenditionRecord> renditions, List<SegmentRecord> segments) {
    if (renditions.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot derive playlists for encoding " + encodingId + ": no renditions");
    }
    Map<String, String> files = new LinkedHashMap<>();
    List<Measured> video = new ArrayList<>();
    List<Measured> audio = new ArrayList<>();
    for (RenditionRecord r : renditions) {
      List<SegmentRecord> mine = segmentsOf(r, segments);
      List<MediaSegment> media = mine.stream().map(PackagePlaylists::mediaSegment).toList();
      files.put(
          Encoding.mediaPlaylistRef(r.rendition()),
          MediaPlaylistWriter.write(media, r.initFileName()));
      int target = MediaPlaylistWriter.targetDuration(media);
      Measured m =
          new Measured(
              r,
              mine,
              media,
              target,
              BandwidthCalculator.peakBitsPerSecond(media, target),
              BandwidthCalculator.averageBitsPerSecond(media));
      (RenditionKind.ofWord(r.kind()) == RenditionKind.AUDIO ? audio : video).add(m);
    }
    List<AudioMedia> audioGroup = new ArrayList<>();
    List<VariantStream> variants = new ArrayList<>();
    List<IFrameStream> iframes = new ArrayList<>();
    if (video.isEmpty()) {
      for (Measured a : audio) {
        variants.add(
            new VariantStream(
                Encoding.mediaPlaylistRef(a.rendition().rendition()),
                a.peak(),
                a.average(),
                a.rendition().codecs(),
                0,
                0,
                0,
                null));
      }
    } else {
      long audioPeak = audio.stream().mapToLong(Measured::peak).max().orElse(0);
      long audioAverage = audio.stream().mapToLong(Measured::average).max().orElse(0);
      String audioCodecs =
          audio.stream()
              .map(a -> a.rendition().codecs())
              .distinct()
              .reduce((x, y) -> x + "," + y)
              .orElse(null);
      for (int i = 0; i < audio.size(); i++) {
        RenditionRecord a = audio.get(i).rendition();
        audioGroup.add(
            new AudioMedia(
                AUDIO_GROUP,
                audioName(a.audioChannels()),
                a.language() == null ? "und" : a.language(),
                a.audioChannels(),
                i == 0,
                Encoding.mediaPlaylistRef(a.rendition())));
      }
      for (Measured v : video) {
        RenditionRecord r = v.rendition();
        String codecs = audioCodecs == null ? r.codecs() : r.codecs() + "," + audioCodecs;
        variants.add(
            new VariantStream(
                Encoding.mediaPlaylistRef(r.rendition()),
                v.peak() + audioPeak,
                v.average() + audioAverage,
                codecs,
                r.width(),
                r.height(),
                r.frameRate(),
                audio.isEmpty() ? null : AUDIO_GROUP));
        List<IFramePlaylistWriter.IFrame> frames = iframes(v);
        if (!frames.isEmpty()) {
          files.put(
              Encoding.iframePlaylistRef(r.rendition()),
              IFramePlaylistWriter.write(frames, r.initFileName()));
          List<MediaSegment> asSegments =
              frames.stream()
                  .map(f -> new MediaSegment(f.uri(), f.durationSeconds(), f.length()))
                  .toList();
          long peak =
              BandwidthCalculator.peakBitsPerSecond(
                  asSegments, MediaPlaylistWriter.targetDuration(asSegments));
          iframes.add(
              new IFrameStream(
                  Encoding.iframePlaylistRef(r.rendition()),
                  peak,
                  r.codecs(),
                  r.width(),
                  r.height()));
        }
      }
    }
    String versioned = MasterPlaylistWriter.write(audioGroup, variants, iframes);
    String stable =
        MasterPlaylistWriter.write(
            audioGroup.stream()
                .map(
                    a ->
                        new AudioMedia(
                            a.groupId(),
                            a.name(),
                            a.language(),
                            a.channels(),
                            a.isDefault(),
                            HostingLayout.fromStableMaster(encodingId, a.uri())))
                .toList(),
            variants.stream()
                .map(
                    v ->
                        new VariantStream(
                            HostingLayout.fromStableMaster(encodingId, v.uri()),
                            v.bandwidth(),
                            v.averageBandwidth(),
                            v.codecs(),
                            v.width(),
                            v.height(),
                            v.frameRate(),
                            v.audioGroup()))
                .toList(),
            iframes.stream()
                .map(
                    f ->
                        new IFrameStream(
                            HostingLayout.fromStableMaster(encodingId, f.uri()),
                            f.bandwidth(),
                            f.codecs(),
                            f.width(),
                            f.height()))
                .toList());
    return new Derived(files, versioned, stable);
  }

  private static MediaSegment mediaSegment(SegmentRecord s) {
    return new MediaSegment(
        s.fileName(),
        s.durationS(),
        s.bytes(),
        s.byteOffset() == null ? MediaSegment.WHOLE_OBJECT : s.byteOffset());
  }

  private static String audioName(int channels) {
    return switch (channels) {
      case 1 -> "Mono";
      case 2 -> "Stereo";
      case 6 -> "5.1";
      default -> channels + " channels";
    };
  }

  /** Every IDR of a rendition, each lasting until the next one (or the end of the rendition). */
  static List<IFramePlaylistWriter.IFrame> iframes(Measured v) {
    record At(String uri, long offset, long length, double time) {}
    List<At> all = new ArrayList<>();
    for (SegmentRecord s : v.segments()) {
      List<Double> times = s.keyframeTimes() == null ? List.of() : s.keyframeTimes();
      for (int k = 0; k < times.size(); k++) {
        all.add(
            new At(
                s.fileName(),
                s.offsetInObject() + s.keyframeOffsets().get(k),
                s.keyframeLengths().get(k),
                s.startS() + times.get(k)));
      }
    }
    double end = v.segments().stream().mapToDouble(s -> s.startS() + s.durationS()).max().orElse(0);
    List<IFramePlaylistWriter.IFrame> frames = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      double next = i + 1 < all.size() ? all.get(i + 1).time() : end;
      At a = all.get(i);
      frames.add(
          new IFramePlaylistWriter.IFrame(
              a.uri(), a.offset(), a.length(), Math.max(0, next - a.time())));
    }
    return frames;
  }

  /**
   * The rendition's segments in order; refuses gaps, duplicates or a count that disagrees with the
   * rendition row.
   */
  static List<SegmentRecord> segmentsOf(RenditionRecord r, List<SegmentRecord> all) {
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
    return mine;
  }
}
