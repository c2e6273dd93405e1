package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "single-file" layout: one media object per rendition, segments as EXT-X-BYTERANGE ranges
 * whose offsets and lengths the manifest rows keep; the package validates as cleanly as the
 * one-object-per-segment layout.
 */
class SingleFileLayoutTest {
  @TempDir static Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ts", "fmp4"})
  void eachRenditionIsOneObjectAddressedByByteRanges(String format) throws Exception {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.segment-format",
                    format,
                    "hlsforge.layout",
                    "single-file",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 300}, {name = 90p, height = 90, video-kbps = 100}]"),
                Optional.empty(),
                Optional.empty()));
    Path work = Files.createDirectories(dir.resolve(format));
    Path source = SampleMedia.testCard(work.resolve("src.mp4"), 320, 180, "25", 5);
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(source);
    HadoopStorage storage = new HadoopStorage(new Configuration());
    PackageOutcome outcome =
        new AssetPackager(settings, storage, work.resolve("out").toUri().toString())
            .packageAsset(
                "r",
                "a",
                source.toUri().toString(),
                probe,
                LadderPlanner.plan(probe, settings),
                "e1");

    String mediaName = format.equals("ts") ? "media.ts" : "media.m4s";
    Map<String, List<SegmentRecord>> byRendition =
        outcome.segments().stream().collect(Collectors.groupingBy(SegmentRecord::rendition));
    assertThat(byRendition).containsOnlyKeys("180p", "90p", "audio-stereo");
    for (List<SegmentRecord> rows : byRendition.values()) {
      assertThat(rows)
          .hasSizeGreaterThan(1)
          .allSatisfy(s -> assertThat(s.fileName()).isEqualTo(mediaName));
      long expected = 0;
      for (SegmentRecord s : rows) { // contiguous ranges, in order, covering the whole object
        assertThat(s.byteOffset()).isEqualTo(expected);
        expected += s.bytes();
      }
      Path object = Path.of(URI.create(rows.get(0).uri()));
      assertThat(Files.size(object)).isEqualTo(expected);
      // A range of the object is the very segment that was measured (same sha256).
      SegmentRecord last = rows.get(rows.size() - 1);
      byte[] range =
          Arrays.copyOfRange(
              Files.readAllBytes(object), (int) (long) last.byteOffset(), (int) expected);
      assertThat(AssetPackager.sha256(range)).isEqualTo(last.sha256());
    }
    try (Stream<Path> files = Files.walk(work.resolve("out"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .allSatisfy(n -> assertThat(n).matches("media\\.(ts|m4s)|init.*\\.mp4"));
    }

    Path hosting = work.resolve("hosting");
    TestPublishers.strict(storage, hosting.toUri().toString())
        .publish("a", "e1", outcome.renditions(), outcome.segments());
    PlaylistParser.Media media =
        PlaylistParser.parseMedia(Files.readString(hosting.resolve("a/e1/180p/index.m3u8")));
    assertThat(media.version()).isGreaterThanOrEqualTo(4);
    assertThat(media.segments())
        .allSatisfy(
            s -> {
              assertThat(s.uri()).isEqualTo(mediaName);
              assertThat(s.length()).isPositive();
            });
    PlaylistParser.Media iframes =
        PlaylistParser.parseMedia(Files.readString(hosting.resolve("a/e1/180p/iframes.m3u8")));
    long objectSize = Files.size(hosting.resolve("a/e1/180p/" + mediaName));
    assertThat(iframes.segments())
        .hasSizeGreaterThan(1)
        .allSatisfy(s -> assertThat(s.offset() + s.length()).isLessThanOrEqualTo(objectSize));
    assertThat(iframes.segments().get(iframes.segments().size() - 1).offset())
        .as("I-frame offsets are absolute within the media object")
        .isGreaterThan(media.segments().get(1).offset());

    ValidationReport report =
        new HlsValidator(new StorageResourceReader(storage))
            .validate(hosting.resolve("a/master.m3u8").toUri().toString(), Optional.of(probe));
    assertThat(report.errors()).as(report.toText()).isEmpty();
    assertThat(report.segments()).isEqualTo(outcome.segments().size());
  }
}
