package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.manifest.ManifestRows;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.model.EncodedPackage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagePlaylistsTest {

  private static RenditionRecord video(String name, int segments) {
    return new RenditionRecord(
        "r",
        "a",
        "e1",
        name,
        "video",
        "file:/out/media/a/e1/" + name,
        640,
        360,
        25,
        700,
        0,
        0,
        null,
        "avc1.64001e",
        "ts",
        null,
        segments,
        0,
        0,
        0,
        0,
        0,
        "ffmpeg",
        0,
        0,
        null,
        null,
        false,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static RenditionRecord audio(String name, int channels, int segments) {
    return new RenditionRecord(
        "r",
        "a",
        "e1",
        name,
        "audio",
        "file:/out/media/a/e1/" + name,
        0,
        0,
        0,
        0,
        128,
        channels,
        "en",
        "mp4a.40.2",
        "ts",
        null,
        segments,
        0,
        0,
        0,
        0,
        0,
        "ffmpeg",
        0,
        0,
        null,
        null,
        false,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static SegmentRecord segment(
      String rendition, int index, double seconds, long bytes, List<Double> keyframes) {
    String name = String.format("segment_%05d.ts", index);
    List<Long> offsets = keyframes.stream().map(t -> (long) (t * 1000)).toList();
    List<Long> lengths = keyframes.stream().map(t -> 10_000L).toList();
    return new SegmentRecord(
        "r",
        "a",
        "e1",
        rendition,
        index,
        name,
        "file:/out/media/a/e1/" + rendition + "/" + name,
        seconds,
        index * 6.0,
        1.4,
        bytes,
        null,
        "00",
        true,
        keyframes,
        offsets,
        lengths,
        null,
        null,
        null,
        null);
  }

  @Test
  void derivesMediaPlaylistsAndBothMastersFromManifestRows() {
    List<SegmentRecord> segs =
        new ArrayList<>(
            List.of(
                segment("360p", 1, 4, 375_000, List.of(0.0, 2.0)),
                segment("360p", 0, 6, 750_000, List.of(0.0))));
    PackagePlaylists.Derived d = derive("e1", List.of(video("360p", 2)), segs);

    assertThat(d.files()).containsOnlyKeys("360p/index.m3u8", "360p/iframes.m3u8");
    assertThat(uris(d.files().get("360p/index.m3u8")))
        .as("ordered by segment index")
        .containsExactly("segment_00000.ts", "segment_00001.ts");
    // 6 s of 750,000 bytes = 1,000,000 bit/s; 10 s window of both = 900,000 bit/s; peak is
    // 1,000,000.
    assertThat(d.versionedMaster())
        .contains("BANDWIDTH=1000000,AVERAGE-BANDWIDTH=900000", "\n360p/index.m3u8\n")
        .doesNotContain("AUDIO=");
    assertThat(d.stableMaster()).contains("\ne1/360p/index.m3u8\n", "URI=\"e1/360p/iframes.m3u8\"");
  }

  @Test
  void iFramesLastUntilTheNextIFrameAcrossSegments() {
    List<SegmentRecord> segs =
        List.of(
            segment("360p", 0, 6, 750_000, List.of(0.0, 2.0, 4.0)),
            segment("360p", 1, 3, 375_000, List.of(0.0, 2.0)));
    String iframes = derive("e1", List.of(video("360p", 2)), segs).files().get("360p/iframes.m3u8");
    assertThat(iframes).contains("#EXT-X-I-FRAMES-ONLY", "#EXT-X-VERSION:4");
    assertThat(iframes.lines().filter(l -> l.startsWith("#EXTINF:")).toList())
        .containsExactly(
            "#EXTINF:2.000000,",
            "#EXTINF:2.000000,",
            "#EXTINF:2.000000,",
            "#EXTINF:2.000000,",
            "#EXTINF:1.000000,");
    assertThat(iframes)
        .contains(
            "#EXT-X-BYTERANGE:10000@4000\nsegment_00000.ts",
            "#EXT-X-BYTERANGE:10000@2000\nsegment_00001.ts");
  }

  @Test
  void eachVideoRenditionIsListedOncePerAudioGroupAndCountsThatGroupsLargestPeak() {
    List<SegmentRecord> segs =
        List.of(
            segment("360p", 0, 6, 750_000, List.of(0.0)),
            segment("audio-stereo", 0, 6, 96_000, List.of()),
            segment("audio-51", 0, 6, 288_000, List.of()));
    PackagePlaylists.Derived d =
        derive(
            "e1",
            List.of(video("360p", 1), audio("audio-stereo", 2, 1), audio("audio-51", 6, 1)),
            segs);
    // Stereo and 5.1 of one language are two groups (RFC 8216 §4.3.4.1.1: one AUTOSELECT answer
    // per language in a group); 360p is listed with each: video 1,000,000 bit/s + 128,000 bit/s
    // with the stereo group, + 384,000 bit/s with the 5.1 group.
    assertThat(d.versionedMaster().lines().toList())
        .containsExactly(
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",LANGUAGE=\"en\",NAME=\"Stereo\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio-stereo/index.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud-51\",LANGUAGE=\"en\",NAME=\"5.1\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"6\",URI=\"audio-51/index.m3u8\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=1128000,AVERAGE-BANDWIDTH=1128000,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=25.000,VIDEO-RANGE=SDR,AUDIO=\"aud\"",
            "360p/index.m3u8",
            "#EXT-X-STREAM-INF:BANDWIDTH=1384000,AVERAGE-BANDWIDTH=1384000,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=25.000,VIDEO-RANGE=SDR,AUDIO=\"aud-51\"",
            "360p/index.m3u8",
            "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH="
                + iframeBandwidth(d)
                + ",CODECS=\"avc1.64001e\",RESOLUTION=640x360,VIDEO-RANGE=SDR,URI=\"360p/iframes.m3u8\"");
    assertThat(d.files())
        .containsKeys("audio-stereo/index.m3u8", "audio-51/index.m3u8")
        .doesNotContainKey("audio-stereo/iframes.m3u8");
  }

  private static String iframeBandwidth(PackagePlaylists.Derived d) {
    String line =
        d.versionedMaster()
            .lines()
            .filter(l -> l.startsWith("#EXT-X-I-FRAME"))
            .findFirst()
            .orElseThrow();
    return line.substring(line.indexOf('=') + 1, line.indexOf(','));
  }

  @Test
  void audioOnlyPackagesListTheirAudioRenditionsAsVariants() {
    PackagePlaylists.Derived d =
        derive(
            "e1",
            List.of(audio("audio-stereo", 2, 1)),
            List.of(segment("audio-stereo", 0, 6, 96_000, List.of())));
    assertThat(d.versionedMaster())
        .contains(
            "#EXT-X-STREAM-INF:BANDWIDTH=128000,AVERAGE-BANDWIDTH=128000,CODECS=\"mp4a.40.2\"\naudio-stereo/index.m3u8")
        .doesNotContain("EXT-X-MEDIA")
        .doesNotContain("I-FRAME");
  }

  @Test
  void refusesRowsWithGapsOrACountThatDisagrees() {
    assertThatThrownBy(
            () ->
                derive(
                    "e1",
                    List.of(video("360p", 2)),
                    List.of(
                        segment("360p", 0, 6, 1, List.of(0.0)),
                        segment("360p", 2, 6, 1, List.of(0.0)))))
        .hasMessageContaining("segment rows are not 0..1");
    assertThatThrownBy(
            () ->
                derive(
                    "e1",
                    List.of(video("360p", 3)),
                    List.of(
                        segment("360p", 0, 6, 1, List.of(0.0)),
                        segment("360p", 1, 6, 1, List.of(0.0)))))
        .hasMessageContaining("rendition row says 3 segments, manifest has 2");
  }

  private static List<String> uris(String playlist) {
    return playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
  }

  /** The playlists of the package that these rows (of encoding {@code encodingId}) record. */
  private static PackagePlaylists.Derived derive(
      String encodingId, List<RenditionRecord> renditions, List<SegmentRecord> segments) {
    EncodedPackage pkg = ManifestRows.toPackage(renditions, segments);
    assertThat(pkg.encodingId()).isEqualTo(encodingId);
    return PackagePlaylists.derive(pkg);
  }
}
