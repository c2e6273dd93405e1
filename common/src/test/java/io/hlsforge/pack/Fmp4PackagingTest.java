package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.Rule;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMAF/fMP4 packaging with an optional HEVC ladder: EXT-X-MAP, hvc1 CODECS, and a clean validation.
 */
class Fmp4PackagingTest {

  @Test
  void fmp4WithHevcRenditionsValidatesClean(@TempDir Path dir) throws Exception {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.segment-format",
                    "fmp4",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 300}, {name = 90p, height = 90, video-kbps = 100}]",
                    "hlsforge.hevc-ladder",
                    "[{name = 180p-hevc, height = 180, video-kbps = 200}]"),
                Optional.empty(),
                Optional.empty()));
    Path source = SampleMedia.testCard(dir.resolve("src.mp4"), 320, 180, "25", 4);
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(source);
    HadoopStorage storage = new HadoopStorage(new Configuration());
    PackageOutcome outcome =
        new AssetPackager(settings, storage, dir.resolve("out").toUri().toString())
            .packageAsset(
                "r",
                "a",
                source.toUri().toString(),
                probe,
                LadderPlanner.plan(probe, settings),
                "e1");

    assertThat(outcome.renditions())
        .extracting(RenditionRecord::rendition)
        .containsExactly("180p", "90p", "180p-hevc", "audio-stereo");
    assertThat(outcome.renditions())
        .allSatisfy(
            r -> {
              assertThat(r.segmentFormat()).isEqualTo("fmp4");
              assertThat(r.initFileName()).endsWith(".mp4");
            });
    assertThat(outcome.renditions().get(0).codecs()).matches("avc1\\.[0-9a-f]{6}");
    assertThat(outcome.renditions().get(2).codecs())
        .as("HEVC Main, hvc1 sample entry")
        .startsWith("hvc1.1.6.L");
    assertThat(outcome.renditions().get(3).codecs()).isEqualTo("mp4a.40.2");
    assertThat(outcome.segments()).allSatisfy(s -> assertThat(s.fileName()).endsWith(".m4s"));

    Path hosting = dir.resolve("hosting");
    TestPublishers.strict(storage, hosting.toUri().toString())
        .publish("a", "e1", outcome.renditions(), outcome.segments());
    String media = Files.readString(hosting.resolve("a/e1/180p-hevc/index.m3u8"));
    assertThat(media)
        .contains(
            "#EXT-X-VERSION:6",
            "#EXT-X-MAP:URI=\"" + outcome.renditions().get(2).initFileName() + "\"");
    assertThat(
            hosting.resolve("a/e1/180p-hevc").resolve(outcome.renditions().get(2).initFileName()))
        .exists();
    assertThat(Files.readString(hosting.resolve("a/e1/180p/iframes.m3u8")))
        .contains("#EXT-X-VERSION:5", "#EXT-X-MAP:", "#EXT-X-BYTERANGE:");

    ValidationReport report =
        new HlsValidator(new StorageResourceReader(storage))
            .validate(hosting.resolve("a/master.m3u8").toUri().toString(), Optional.of(probe));
    assertThat(report.errors()).as(report.toText()).isEmpty();
    assertThat(report.warnings())
        .as(report.toText())
        .allSatisfy(w -> assertThat(w.rule()).isEqualTo(Rule.A3));
    String master = Files.readString(hosting.resolve("a/master.m3u8"));
    assertThat(master)
        .contains("CODECS=\"" + outcome.renditions().get(2).codecs() + ",mp4a.40.2\"");
  }

  @Test
  void hevcWithoutFmp4IsAConfigurationError() {
    Assertions.assertThatThrownBy(
            () ->
                HlsforgeSettings.from(
                    ConfigLoader.load(
                        Map.of(
                            "hlsforge.hevc-ladder", "[{name = x, height = 180, video-kbps = 200}]"),
                        Optional.empty(),
                        Optional.empty())))
        .hasMessageContaining("HEVC needs");
  }

  @Test
  void aFragmentThatDoesNotStartWithASyncSampleIsReported(@TempDir Path dir) throws Exception {
    Path playlist = dir.resolve("cut.m3u8");
    Path source = TestMedia.silentVideo(dir.resolve("src.mp4"), 320, 180, "25", 4);
    TestMedia.ffmpeg(
        "-i",
        source.toString(),
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-g",
        "250",
        "-f",
        "hls",
        "-hls_time",
        "1",
        "-hls_flags",
        "split_by_time",
        "-hls_segment_type",
        "fmp4",
        "-hls_playlist_type",
        "vod",
        playlist.toString());
    ValidationReport report =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())))
            .validate(playlist.toUri().toString());
    assertThat(report.errors())
        .as(report.toText())
        .anySatisfy(f -> assertThat(f.rule()).isEqualTo(Rule.A4));
  }
}
