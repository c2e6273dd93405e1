package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.FirstFrameProbe;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources as they really come — odd frame rates, interlaced, variable frame rate, anamorphic,
 * rotated, odd sizes, surround — each packaged, validated against the source with zero errors, and
 * measured with ffprobe.
 */
class SourceKindsTest {
  static final HlsforgeSettings SETTINGS =
      HlsforgeSettings.from(
          ConfigLoader.load(
              Map.of(
                  "hlsforge.segment-seconds",
                  "2",
                  "hlsforge.video.preset",
                  "ultrafast",
                  "hlsforge.ladder",
                  "[{name = 360p, height = 360, video-kbps = 500}, {name = 180p, height = 180, video-kbps = 200}]"),
              Optional.empty(),
              Optional.empty()));
  @TempDir Path dir;

  private record Packaged(
      ProbeResult source,
      PackageOutcome outcome,
      ValidationReport report,
      FirstFrameProbe.Facts top) {
    RenditionRecord first() {
      return outcome.renditions().get(0);
    }
  }

  private Packaged packageAndValidate(Path source) throws Exception {
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(source);
    HadoopStorage storage = new HadoopStorage(new Configuration());
    PackageOutcome outcome =
        new AssetPackager(SETTINGS, storage, dir.resolve("out").toUri().toString())
            .packageAsset(
                "r",
                "a",
                source.toUri().toString(),
                probe,
                LadderPlanner.plan(probe, SETTINGS),
                "e1");
    Path hosting = dir.resolve("hosting");
    TestPublishers.lenient(storage, hosting.toUri().toString())
        .publish("a", "e1", outcome.renditions(), outcome.segments());
    ValidationReport report =
        new HlsValidator(new StorageResourceReader(storage))
            .validate(hosting.resolve("a/master.m3u8").toUri().toString(), Optional.of(probe));
    assertThat(report.errors()).as(report.toText()).isEmpty();
    assertThat(report.warnings())
        .as(report.toText())
        .allSatisfy(w -> assertThat(w.rule()).isEqualTo(Rule.A3));
    FirstFrameProbe.Facts top =
        FirstFrameProbe.of(Path.of(URI.create(outcome.segments().get(0).uri())));
    return new Packaged(probe, outcome, report, top);
  }

  @Test
  void fiftyFramesPerSecondIsKept() throws Exception {
    Packaged p =
        packageAndValidate(SampleMedia.testCard(dir.resolve("s50.mp4"), 320, 180, "50", 3));
    assertThat(p.top().frameRate()).isEqualTo(50.0);
    assertThat(p.first().frameRate()).isEqualTo(50.0);
  }

  @Test
  void ntscRatesStayExact() throws Exception {
    Packaged p =
        packageAndValidate(
            SampleMedia.testCard(dir.resolve("s2997.mp4"), 320, 180, "30000/1001", 3));
    assertThat(p.top().frameRate()).isCloseTo(29.97, within(0.001));
  }

  @Test
  void above60FramesPerSecondIsHalved() throws Exception {
    Packaged p =
        packageAndValidate(SampleMedia.testCard(dir.resolve("s120.mp4"), 320, 180, "120", 3));
    assertThat(p.source().frameRate()).isEqualTo(120.0);
    assertThat(p.top().frameRate()).isEqualTo(60.0);
  }

  @Test
  void interlacedSourcesAreDeinterlaced() throws Exception {
    Path src =
        TestMedia.video(
            dir.resolve("interlaced.mp4"),
            320,
            240,
            "25",
            3,
            2,
            "setfield=tff",
            List.of("-flags", "+ildct+ilme", "-x264-params", "tff=1"));
    Packaged p = packageAndValidate(src);
    assertThat(p.source().interlaced()).as("the generated source really is interlaced").isTrue();
    assertThat(p.top().frameRate()).isEqualTo(25.0);
    // x264 only flags output as interlaced when told to; the output must be progressive frames.
    assertThat(FfprobeField.order(Path.of(URI.create(p.outcome().segments().get(0).uri()))))
        .isIn("progressive", "unknown");
  }

  @Test
  void variableFrameRateIsMadeConstant() throws Exception {
    // Drop 3 of every 10 frames and keep the original timestamps: irregular gaps, 21 fps on
    // average.
    Path src =
        TestMedia.video(
            dir.resolve("vfr.mp4"),
            320,
            180,
            "30",
            4,
            2,
            "select='lt(mod(n\\,10)\\,7)'",
            List.of("-fps_mode", "vfr"));
    Packaged p = packageAndValidate(src);
    assertThat(p.source().frameRate()).as("average of the VFR source").isLessThan(25);
    assertThat(p.top().frameRate()).isEqualTo(30.0);
  }

  @Test
  void anamorphicSourcesBecomeSquarePixelsAtTheirDisplayAspect() throws Exception {
    Packaged p =
        packageAndValidate(
            TestMedia.video(
                dir.resolve("pal.mp4"), 720, 576, "25", 3, 2, "setsar=64/45", List.of()));
    assertThat(p.top().width() + "x" + p.top().height()).isEqualTo("640x360");
  }

  @Test
  void rotationMetadataIsApplied() throws Exception {
    Path landscape = SampleMedia.testCard(dir.resolve("phone.mp4"), 320, 180, "30", 3);
    Packaged p =
        packageAndValidate(TestMedia.rotated(landscape, dir.resolve("phone-rotated.mp4"), 90));
    assertThat(p.source().rotation()).isIn(90, 270);
    assertThat(p.top().width()).as("portrait output").isLessThan(p.top().height());
    assertThat(p.top().height())
        .isEqualTo(180); // 320 tall on screen: the 180p rung is the largest that fits
  }

  @Test
  void oddDimensionsAreMadeEven() throws Exception {
    Packaged p =
        packageAndValidate(SampleMedia.testCard(dir.resolve("odd.mp4"), 321, 241, "24", 3));
    assertThat(p.top().width() % 2).isZero();
    assertThat(p.top().height() % 2).isZero();
  }

  @Test
  void surroundSourcesGetStereoAnd51Renditions() throws Exception {
    Packaged p =
        packageAndValidate(
            TestMedia.video(dir.resolve("surround.mp4"), 320, 180, "25", 3, 6, null, List.of()));
    assertThat(p.outcome().renditions())
        .filteredOn(r -> r.kind().equals("audio"))
        .extracting(RenditionRecord::audioChannels)
        .containsExactly(2, 6);
  }

  /** ffprobe's field_order of a file's video stream. */
  static final class FfprobeField {
    static String order(Path file) throws Exception {
      var r =
          ChildProcess.run(
              List.of(
                  FfmpegBinaries.ffprobe(),
                  "-v",
                  "error",
                  "-select_streams",
                  "v:0",
                  "-show_entries",
                  "stream=field_order",
                  "-of",
                  "default=nw=1:nk=1",
                  file.toString()),
              Duration.ofMinutes(1),
              null);
      String first = r.stdout().strip().lines().findFirst().orElse("");
      return first.isEmpty() ? "unknown" : first;
    }
  }
}
