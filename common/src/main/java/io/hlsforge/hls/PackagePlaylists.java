package io.hlsforge.hls;

import io.hlsforge.layout.HostingLayout;
import io.hlsforge.layout.HostingLayout.Encoding;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.Keyframe;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives every playlist of one packaged encoding from the package model, read from its manifest
 * rows (the manifest is the source of truth; ffmpeg's own playlists are never published). Pure.
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
    List<PackagedRendition> audio = pkg.audio();
    List<AudioMedia> audioGroup = new ArrayList<>();
    List<VariantStream> variants = new ArrayList<>();
    List<IFrameStream> iframes = new ArrayList<>();
    if (video.isEmpty()) {
      for (PackagedRendition a : audio) {
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
    } else {
      long audioPeak = audio.stream().mapToLong(PackagedRendition::peakBandwidth).max().orElse(0);
      long audioAverage =
          audio.stream().mapToLong(PackagedRendition::averageBandwidth).max().orElse(0);
      String audioCodecs =
          audio.stream()
              .map(PackagedRendition::codecs)
              .distinct()
              .reduce((x, y) -> x + "," + y)
              .orElse(null);
      for (int i = 0; i < audio.size(); i++) {
        PackagedRendition a = audio.get(i);
        audioGroup.add(
            new AudioMedia(
                AUDIO_GROUP,
                audioName(a.audioChannels()),
                a.language() == null ? "und" : a.language(),
                a.audioChannels(),
                i == 0,
                Encoding.mediaPlaylistRef(a.name())));
      }
      for (PackagedRendition r : video) {
        String codecs = audioCodecs == null ? r.codecs() : r.codecs() + "," + audioCodecs;
        variants.add(
            new VariantStream(
                Encoding.mediaPlaylistRef(r.name()),
                r.peakBandwidth() + audioPeak,
                r.averageBandwidth() + audioAverage,
                codecs,
                r.width(),
                r.height(),
                r.frameRate(),
                audio.isEmpty() ? null : AUDIO_GROUP));
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
                  Encoding.iframePlaylistRef(r.name()), peak, r.codecs(), r.width(), r.height()));
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

  private static String audioName(int channels) {
    return switch (channels) {
      case 1 -> "Mono";
      case 2 -> "Stereo";
      case 6 -> "5.1";
      default -> channels + " channels";
    };
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
