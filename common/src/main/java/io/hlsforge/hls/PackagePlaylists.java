package io.hlsforge.hls;

import io.hlsforge.layout.HostingLayout;
import io.hlsforge.layout.HostingLayout.Encoding;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.Keyframe;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.RenditionKind;
import io.hlsforge.model.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives every playlist of one packaged encoding from the package model, read from its manifest
 * rows (the manifest is the source of truth; ffmpeg's own playlists are never published). Pure.
 *
 * <p>Where each playlist goes and how they reference each other is {@link HostingLayout}'s.
 *
 * <p>Video renditions carry no audio; audio renditions form groups by channel count (stereo {@value
 * #AUDIO_GROUP}, surround {@code aud-51}), each video rendition is listed once per group as Apple's
 * example streams do, and each variant's BANDWIDTH adds its group's largest audio peak (RFC 8216
 * §4.3.4.2: every playable combination must fit).
 */
public final class PackagePlaylists {
  public static final String AUDIO_GROUP = "aud";
  public static final String SUBTITLES_GROUP = "subs";

  private PackagePlaylists() {}

  /** {@code files}: path relative to the encoding directory → playlist text. */
  public record Derived(Map<String, String> files, String versionedMaster, String stableMaster) {}

  public static Derived derive(EncodedPackage pkg) {
    String encodingId = pkg.encodingId();
    if (pkg.renditions().isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot derive playlists for encoding " + encodingId + ": no renditions");
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (PackagedRendition r : pkg.renditions()) {
      files.put(
          Encoding.mediaPlaylistRef(r.name()),
          MediaPlaylistWriter.write(r.playlistEntries(), r.initFileName()));
    }
    List<PackagedRendition> video = pkg.video();
    Map<String, List<PackagedRendition>> groups = audioGroups(pkg.audio());
    List<MediaTag> media = new ArrayList<>();
    groups.forEach(
        (group, members) -> {
          for (PackagedRendition a : members) {
            media.add(
                new MediaTag(
                    RenditionKind.AUDIO,
                    group,
                    a.media(),
                    a.audioChannels(),
                    Encoding.mediaPlaylistRef(a.name())));
          }
        });
    List<PackagedRendition> subtitles = pkg.subtitles();
    for (PackagedRendition t : subtitles) {
      media.add(
          new MediaTag(
              RenditionKind.SUBTITLES,
              SUBTITLES_GROUP,
              t.media(),
              0,
              Encoding.mediaPlaylistRef(t.name())));
    }
    String subtitlesGroup = subtitles.isEmpty() ? null : SUBTITLES_GROUP;
    long subtitlesPeak = maxPeak(subtitles);
    long subtitlesAverage = maxAverage(subtitles);
    List<VariantStream> variants = new ArrayList<>();
    List<IFrameStream> iframes = new ArrayList<>();
    if (video.isEmpty() && distinctTracks(pkg.audio()) <= 1 && subtitles.isEmpty()) {
      // One audio track and no picture: each audio rendition is a variant of its own.
      media.clear();
      for (PackagedRendition a : pkg.audio()) {
        variants.add(
            new VariantStream(
                Encoding.mediaPlaylistRef(a.name()),
                a.peakBandwidth(),
                a.averageBandwidth(),
                a.codecs(),
                0,
                0,
                0,
                null));
      }
    } else if (video.isEmpty()) {
      // Several tracks and no picture: one variant per group, playing the group's DEFAULT member,
      // with the group for the player to switch languages.
      groups.forEach(
          (group, members) -> {
            PackagedRendition first =
                members.stream()
                    .filter(a -> a.media().selection().isDefault())
                    .findFirst()
                    .orElse(members.get(0));
            variants.add(
                new VariantStream(
                    Encoding.mediaPlaylistRef(first.name()),
                    maxPeak(members) + subtitlesPeak,
                    maxAverage(members) + subtitlesAverage,
                    codecsOf(members),
                    0,
                    0,
                    0,
                    group,
                    subtitlesGroup));
          });
    } else {
      for (PackagedRendition r : video) {
        if (groups.isEmpty()) {
          variants.add(variant(r, List.of(), null, subtitles));
        }
        groups.forEach((group, members) -> variants.add(variant(r, members, group, subtitles)));
        List<IFramePlaylistWriter.IFrame> frames = iframes(r);
        if (!frames.isEmpty()) {
          files.put(
              Encoding.iframePlaylistRef(r.name()),
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
                  Encoding.iframePlaylistRef(r.name()),
                  peak,
                  r.codecs(),
                  r.width(),
                  r.height(),
                  r.videoRange()));
        }
      }
    }
    String versioned = MasterPlaylistWriter.write(media, variants, iframes);
    String stable =
        MasterPlaylistWriter.write(
            media.stream()
                .map(t -> t.withUri(HostingLayout.fromStableMaster(encodingId, t.uri())))
                .toList(),
            variants.stream()
                .map(v -> v.withUri(HostingLayout.fromStableMaster(encodingId, v.uri())))
                .toList(),
            iframes.stream()
                .map(
                    f ->
                        new IFrameStream(
                            HostingLayout.fromStableMaster(encodingId, f.uri()),
                            f.bandwidth(),
                            f.codecs(),
                            f.width(),
                            f.height(),
                            f.videoRange()))
                .toList());
    return new Derived(files, versioned, stable);
  }

  /**
   * The audio renditions by group, stereo (and mono) first: {@value #AUDIO_GROUP}, then one group
   * per larger channel count ({@code aud-51} for 5.1). Members of one group differ by language or
   * role, never by channel count, so AUTOSELECT can pick by language alone (RFC 8216 §4.3.4.1.1).
   */
  static Map<String, List<PackagedRendition>> audioGroups(List<PackagedRendition> audio) {
    Map<String, List<PackagedRendition>> groups = new LinkedHashMap<>();
    audio.stream()
        .sorted(Comparator.comparingInt(a -> a.audioChannels() <= 2 ? 0 : a.audioChannels()))
        .forEach(a -> groups.computeIfAbsent(groupId(a), g -> new ArrayList<>()).add(a));
    return groups;
  }

  static String groupId(PackagedRendition a) {
    int ch = a.audioChannels();
    return ch <= 2 ? AUDIO_GROUP : AUDIO_GROUP + "-" + (ch == 6 ? "51" : ch + "ch");
  }

  /**
   * A video rendition with one audio group and the subtitles: BANDWIDTH covers the largest member
   * of each (§4.3.4.2). CODECS leaves WebVTT out: Apple lists {@code wvtt} as optional and some
   * Apple TV generations refuse variants that name it.
   */
  private static VariantStream variant(
      PackagedRendition r,
      List<PackagedRendition> members,
      String group,
      List<PackagedRendition> subtitles) {
    String audioCodecs = codecsOf(members);
    return new VariantStream(
        Encoding.mediaPlaylistRef(r.name()),
        r.peakBandwidth() + maxPeak(members) + maxPeak(subtitles),
        r.averageBandwidth() + maxAverage(members) + maxAverage(subtitles),
        audioCodecs == null ? r.codecs() : r.codecs() + "," + audioCodecs,
        r.width(),
        r.height(),
        r.frameRate(),
        group,
        subtitles.isEmpty() ? null : SUBTITLES_GROUP,
        // SDR BT.709 unless it is an HDR rendition: HDR sources are tone-mapped for the SDR
        // ladder, and only 8-bit BT.709-compatible video is ever copied (LadderPlanner).
        r.videoRange());
  }

  private static long maxPeak(List<PackagedRendition> members) {
    return members.stream().mapToLong(PackagedRendition::peakBandwidth).max().orElse(0);
  }

  private static long maxAverage(List<PackagedRendition> members) {
    return members.stream().mapToLong(PackagedRendition::averageBandwidth).max().orElse(0);
  }

  private static String codecsOf(List<PackagedRendition> members) {
    return members.stream()
        .map(PackagedRendition::codecs)
        .distinct()
        .reduce((x, y) -> x + "," + y)
        .orElse(null);
  }

  private static long distinctTracks(List<PackagedRendition> audio) {
    return audio.stream().map(PackagedRendition::sourceTracks).distinct().count();
  }

  /** Every IDR of a rendition, each lasting until the next one (or the end of the rendition). */
  static List<IFramePlaylistWriter.IFrame> iframes(PackagedRendition v) {
    record At(String uri, long offset, long length, double time) {}
    List<At> all = new ArrayList<>();
    for (Segment s : v.segments()) {
      for (Keyframe k : s.keyframes()) {
        all.add(
            new At(
                s.fileName(), s.offsetInObject() + k.offset(), k.length(), s.startS() + k.timeS()));
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
}
