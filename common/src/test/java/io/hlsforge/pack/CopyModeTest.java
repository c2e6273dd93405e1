package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.media.FirstFrameProbe;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.Rule;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy mode (the original note's "-codec copy"): remux only, and the validator decides what ships.
 */
class CopyModeTest {
  @TempDir Path dir;

  private static HlsforgeSettings settings(boolean allowMp3) {
    return HlsforgeSettings.from(
        ConfigLoader.load(
            Map.of(
                "hlsforge.segment-seconds",
                "2",
                "hlsforge.copy.mode",
                "auto",
                "hlsforge.copy.allow-mp3",
                Boolean.toString(allowMp3)),
            Optional.empty(),
            Optional.empty()));
  }

  /**
   * @param refusal why strict publishing refused the package, or null when it was published
   */
  private record Result(
      PackageOutcome outcome, ValidationReport report, Path master, MediaException refusal) {}

  private Result copy(Path source, HlsforgeSettings settings, boolean strict) throws Exception {
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(source);
    HadoopStorage storage = new HadoopStorage(new Configuration());
    String name = source.getFileName().toString();
    PackageOutcome outcome =
        new AssetPackager(settings, storage, dir.resolve("out-" + name).toUri().toString())
            .packageAsset(
                "r",
                "a",
                source.toUri().toString(),
                probe,
                LadderPlanner.plan(probe, settings),
                "e1");
    Path hosting = dir.resolve("hosting-" + name);
    MediaException refusal = null;
    try {
      (strict
              ? TestPublishers.strict(storage, hosting.toUri().toString())
              : TestPublishers.lenient(storage, hosting.toUri().toString()))
          .publish("a", "e1", outcome.renditions(), outcome.segments());
    } catch (MediaException refused) {
      refusal = refused;
    }
    ValidationReport report =
        new HlsValidator(new StorageResourceReader(storage))
            .validate(new PackageResourcesView(hosting).master(), Optional.of(probe));
    return new Result(outcome, report, hosting.resolve("a/master.m3u8"), refusal);
  }

  /** Validates what is published, or nothing when nothing was. */
  private record PackageResourcesView(Path hosting) {
    String master() {
      return hosting.resolve("a/master.m3u8").toUri().toString();
    }
  }

  @Test
  void anH264AacSourceWithTwoSecondGopsIsRemuxedNotReencoded() throws Exception {
    Path source =
        TestMedia.video(
            dir.resolve("h264.mp4"),
            320,
            180,
            "25",
            4,
            2,
            null,
            List.of("-g", "50", "-keyint_min", "50", "-sc_threshold", "0"));
    Result r = copy(source, settings(false), true);
    assertThat(r.refusal()).as("published").isNull();
    assertThat(r.outcome().renditions())
        .extracting(RenditionRecord::rendition)
        .containsExactly("source", "audio-stereo");
    assertThat(r.report().errors()).as(r.report().toText()).isEmpty();
    // The copy keeps the source's own stream: ultrafast x264 is Constrained Baseline, hlsforge
    // would encode High.
    FirstFrameProbe.Facts copied =
        FirstFrameProbe.of(Path.of(URI.create(r.outcome().segments().get(0).uri())));
    FirstFrameProbe.Facts original = FirstFrameProbe.of(source);
    assertThat(copied.profile()).isEqualTo(original.profile()).isEqualTo("Constrained Baseline");
    assertThat(r.outcome().renditions().get(0).codecs()).startsWith("avc1.42");
  }

  @Test
  void aCopyWithKeyframesTooFarApartIsRefusedByStrictPublish() throws Exception {
    Path source =
        TestMedia.video(
            dir.resolve("longgop.mp4"),
            320,
            180,
            "25",
            6,
            2,
            null,
            List.of("-g", "150", "-keyint_min", "150", "-sc_threshold", "0"));
    Result r = copy(source, settings(false), true);
    assertThat(r.refusal()).as("strict publish refused the copy").isNotNull();
    assertThat(r.refusal().kind()).isEqualTo(MediaException.Kind.INVALID_PACKAGE);
    assertThat(r.refusal().getMessage()).contains("not published", "A9");
    assertThat(r.master()).doesNotExist();
    ValidationReport lax =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())))
            .validate(publishLax(source).toUri().toString());
    // 6 s GOPs force 6 s video segments while the audio is cut every 2 s: the target durations
    // differ.
    assertThat(lax.errors()).as(lax.toText()).extracting(f -> f.rule()).contains(Rule.A9);
    assertThat(lax.warnings()).extracting(f -> f.rule()).contains(Rule.A5);
  }

  private Path publishLax(Path source) throws Exception {
    HlsforgeSettings s = settings(false);
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(source);
    HadoopStorage storage = new HadoopStorage(new Configuration());
    PackageOutcome outcome =
        new AssetPackager(s, storage, dir.resolve("out-lax").toUri().toString())
            .packageAsset(
                "r", "a", source.toUri().toString(), probe, LadderPlanner.plan(probe, s), "e1");
    Path hosting = dir.resolve("hosting-lax");
    TestPublishers.lenient(storage, hosting.toUri().toString())
        .publish("a", "e1", outcome.renditions(), outcome.segments());
    return hosting.resolve("a/master.m3u8");
  }

  @Test
  void anMp3IsCopiedOnlyWhenAllowedAndThenWarnedAbout() throws Exception {
    Path mp3 = SampleMedia.mp3(dir.resolve("talk.mp3"), 5);
    Result copied = copy(mp3, settings(true), true);
    assertThat(copied.refusal()).as("published").isNull();
    assertThat(copied.outcome().renditions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.codecs()).isEqualTo("mp4a.40.34");
              assertThat(r.audioKbpsTarget()).as("not re-encoded").isZero();
            });
    assertThat(copied.report().errors()).as(copied.report().toText()).isEmpty();
    assertThat(copied.report().warnings()).extracting(f -> f.rule()).contains(Rule.D7);
    assertThat(Files.readString(copied.master())).contains("CODECS=\"mp4a.40.34\"");

    Path again = Files.copy(mp3, dir.resolve("talk2.mp3"));
    Result transcoded = copy(again, settings(false), true);
    assertThat(transcoded.outcome().renditions())
        .singleElement()
        .satisfies(r -> assertThat(r.codecs()).isEqualTo("mp4a.40.2"));
    assertThat(transcoded.report().has(Rule.D7)).isFalse();
  }

  @Test
  void sourcesThatNeedWorkAreNotCopied() throws Exception {
    Path rotated =
        TestMedia.rotated(
            SampleMedia.testCard(dir.resolve("l.mp4"), 320, 180, "25", 2),
            dir.resolve("r.mp4"),
            90);
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(rotated);
    assertThat(LadderPlanner.plan(probe, settings(false))).noneMatch(PlannedRendition::isCopy);
  }
}
