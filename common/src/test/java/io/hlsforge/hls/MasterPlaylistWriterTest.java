package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.RenditionKind;
import io.hlsforge.model.Selection;
import io.hlsforge.model.VideoRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterPlaylistWriterTest {

  @Test
  void listsVariantsHighestBandwidthFirstWithAllAttributes() {
    String text =
        MasterPlaylistWriter.write(
            List.of(
                new VariantStream(
                    "e1/360p/index.m3u8",
                    900_000,
                    850_000,
                    "avc1.64001e,mp4a.40.2",
                    640,
                    360,
                    29.97002997,
                    null),
                new VariantStream(
                    "e1/1080p/index.m3u8",
                    6_300_000,
                    6_000_000,
                    "avc1.640028,mp4a.40.2",
                    1920,
                    1080,
                    29.97002997,
                    null)));
    assertThat(text.lines().toList())
        .containsExactly(
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-STREAM-INF:BANDWIDTH=6300000,AVERAGE-BANDWIDTH=6000000,CODECS=\"avc1.640028,mp4a.40.2\",RESOLUTION=1920x1080,FRAME-RATE=29.970",
            "e1/1080p/index.m3u8",
            "#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=850000,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=29.970",
            "e1/360p/index.m3u8");
  }

  @Test
  void writesAudioGroupsInDeclarationOrderWithEachVariantOncePerGroupAndIFramePlaylists() {
    String text =
        MasterPlaylistWriter.write(
            List.of(
                new MediaTag(
                    RenditionKind.AUDIO,
                    "aud",
                    new MediaAttributes("en", "English", Selection.DEFAULT, false, null),
                    2,
                    "audio-stereo/index.m3u8"),
                new MediaTag(
                    RenditionKind.AUDIO,
                    "aud",
                    new MediaAttributes(
                        "en",
                        "English described",
                        Selection.AUTO,
                        false,
                        MediaAttributes.DESCRIBES_VIDEO),
                    2,
                    "audio-stereo-2/index.m3u8"),
                new MediaTag(
                    RenditionKind.AUDIO,
                    "aud-51",
                    new MediaAttributes("en", "English", Selection.DEFAULT, false, null),
                    6,
                    "audio-51/index.m3u8")),
            List.of(
                new VariantStream(
                    "720p/index.m3u8",
                    3_900_000,
                    3_700_000,
                    "avc1.64001f,mp4a.40.2",
                    1280,
                    720,
                    25,
                    "aud-51"),
                new VariantStream(
                    "720p/index.m3u8",
                    3_500_000,
                    3_300_000,
                    "avc1.64001f,mp4a.40.2",
                    1280,
                    720,
                    25,
                    "aud")),
            List.of(
                new IFrameStream(
                    "720p/iframes.m3u8", 400_000, "avc1.64001f", 1280, 720, VideoRange.SDR)));
    assertThat(text.lines().toList())
        .containsExactly(
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",LANGUAGE=\"en\",NAME=\"English\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio-stereo/index.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",LANGUAGE=\"en\",NAME=\"English described\",DEFAULT=NO,AUTOSELECT=YES,CHARACTERISTICS=\"public.accessibility.describes-video\",CHANNELS=\"2\",URI=\"audio-stereo-2/index.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud-51\",LANGUAGE=\"en\",NAME=\"English\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"6\",URI=\"audio-51/index.m3u8\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=3500000,AVERAGE-BANDWIDTH=3300000,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"aud\"",
            "720p/index.m3u8",
            "#EXT-X-STREAM-INF:BANDWIDTH=3900000,AVERAGE-BANDWIDTH=3700000,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"aud-51\"",
            "720p/index.m3u8",
            "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=400000,CODECS=\"avc1.64001f\",RESOLUTION=1280x720,VIDEO-RANGE=SDR,URI=\"720p/iframes.m3u8\"");
  }

  @Test
  void audioOnlyVariantsHaveNoResolutionOrFrameRate() {
    String text =
        MasterPlaylistWriter.write(
            List.of(
                new VariantStream(
                    "e1/audio/index.m3u8", 140_000, 139_000, "mp4a.40.2", 0, 0, 0, null)));
    assertThat(text)
        .contains(
            "#EXT-X-STREAM-INF:BANDWIDTH=140000,AVERAGE-BANDWIDTH=139000,CODECS=\"mp4a.40.2\"\n")
        .doesNotContain("RESOLUTION")
        .doesNotContain("FRAME-RATE");
  }
}
