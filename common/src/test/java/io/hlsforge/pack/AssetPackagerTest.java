package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.inspect.CodecStrings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.FirstFrameProbe;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.Probes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages real generated media with the bundled ffmpeg, no Spark involved. */
class AssetPackagerTest {
  static HlsforgeSettings settings;
  @TempDir static Path media;
  // This class's own scratch: its leftovers check sees no other process's files.
  @TempDir static Path scratch;
  static Path clip;
  static Path mp3;

  @BeforeAll
  static void generateMedia() throws Exception {
    settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.scratch-dir", scratch.toString(),
                    "hlsforge.segment-seconds", "2",
                    "hlsforge.video.preset", "ultrafast",
                    "hlsforge.ladder",
                        "[{name = 360p, height = 360, video-kbps = 600}, {name = 240p, height = 240, video-kbps = 300}]"),
                Optional.empty(),
                Optional.empty()));
    clip = SampleMedia.testCard(media.resolve("clip.mp4"), 640, 360, "25", 7);
    mp3 = SampleMedia.mp3(media.resolve("talk.mp3"), 5);
  }

  private static ProbeResult probe(Path p) throws Exception {
    return new MediaProber(Duration.ofMinutes(1)).probe(p);
  }

  @Test
  void packagesEveryRenditionWithAlignedKeyframeSegmentsAndRealCodecs(@TempDir Path out)
      throws Exception {
    ProbeResult probe = probe(clip);
    List<PlannedRendition> plan = LadderPlanner.plan(probe, settings);
    AssetPackager packager =
        new AssetPackager(settings, new HadoopStorage(new Configuration()), out.toUri().toString());

    PackageOutcome result =
        packager.packageAsset("run1", "clip", clip.toUri().toString(), probe, plan, "etest");

    assertThat(result.renditions())
        .extracting(RenditionRecord::rendition)
        .containsExactly("360p", "240p", "audio-stereo");
    Map<String, List<SegmentRecord>> byRendition =
        result.segments().stream().collect(Collectors.groupingBy(SegmentRecord::rendition));
    List<Double> starts360 = byRendition.get("360p").stream().map(SegmentRecord::startS).toList();
    assertThat(byRendition.get("240p").stream().map(SegmentRecord::startS).toList())
        .as("identical boundaries across renditions")
        .isEqualTo(starts360);
    assertThat(starts360).hasSize(4); // 7 s in 2 s segments: 2 + 2 + 2 + 1

    RenditionRecord audio = result.renditions().get(2);
    assertThat(audio.kind()).isEqualTo("audio");
    assertThat(audio.codecs()).isEqualTo("mp4a.40.2");
    assertThat(audio.audioChannels()).isEqualTo(2);
    assertThat(audio.language()).isEqualTo("und");
    assertThat(audio.durationS()).isCloseTo(7.0, within(0.1));
    assertThat(
            FirstFrameProbe.of(Path.of(URI.create(byRendition.get("audio-stereo").get(0).uri())))
                .audioProfile())
        .isEqualTo("LC");

    for (RenditionRecord r : result.renditions().subList(0, 2)) {
      assertThat(r.kind()).isEqualTo("video");
      List<SegmentRecord> segs = byRendition.get(r.rendition());
      assertThat(r.durationS()).isCloseTo(7.0, within(0.05));
      assertThat(r.segmentCount()).isEqualTo(segs.size());
      assertThat(r.peakBandwidth()).isGreaterThanOrEqualTo(r.averageBandwidth()).isPositive();
      FirstFrameProbe.Facts first = null;
      for (SegmentRecord s : segs) {
        Path file = Path.of(URI.create(s.uri()));
        assertThat(file)
            .as("uploaded under media/asset/encoding/rendition")
            .startsWith(out.resolve("media/clip/etest/" + r.rendition()));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isEqualTo(s.bytes());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
            .isEqualTo(s.sha256());
        FirstFrameProbe.Facts facts = FirstFrameProbe.of(file);
        assertThat(facts.keyFrame())
            .as("ffprobe: first frame of %s is a keyframe", s.uri())
            .isTrue();
        assertThat(facts.pictType()).isEqualTo("I");
        assertThat(s.startsWithKeyframe()).isTrue();
        assertThat(s.keyframeTimes()).as("one IDR per 2 s keyframe interval").containsExactly(0.0);
        int at = s.keyframeOffsets().get(0).intValue();
        assertThat(at % 188).as("I-frame ranges start on a TS packet").isZero();
        assertThat(at)
            .as("after the SDT/PAT/PMT tables, before any other video")
            .isBetween(188, 4 * 188);
        assertThat(bytes[at]).isEqualTo((byte) 0x47);
        assertThat(bytes[at + 1] & 0x40)
            .as("payload unit start: the IDR's PES begins here")
            .isNotZero();
        assertThat(s.keyframeLengths().get(0)).isPositive().isLessThan(s.bytes());
        first = first == null ? facts : first;
      }
      // CODECS must match what ffprobe independently reads from the stream.
      int profileIdc =
          switch (first.profile()) {
            case "High" -> 100;
            case "Main" -> 77;
            default -> 66;
          };
      assertThat(r.codecs())
          .startsWith(CodecStrings.avc1(profileIdc, 0, first.level()).substring(0, 7))
          .endsWith(String.format("%02x", first.level()))
          .doesNotContain("mp4a");
      assertThat(first.audioCodec()).as("video renditions carry no audio").isNull();
      assertThat(r.width() + "x" + r.height())
          .isEqualTo(r.rendition().equals("360p") ? "640x360" : "426x240");
    }
    // Scratch is cleaned up: nothing stays in the packager's scratch directory.
    try (var left = Files.list(scratch)) {
      assertThat(left.map(p -> p.getFileName().toString())).isEmpty();
    }
  }

  @Test
  void anMp3BecomesOneAacAudioRendition(@TempDir Path out) throws Exception {
    ProbeResult probe = probe(mp3);
    List<PlannedRendition> plan = LadderPlanner.plan(probe, settings);
    PackageOutcome result =
        new AssetPackager(settings, new HadoopStorage(new Configuration()), out.toUri().toString())
            .packageAsset("run1", "talk", mp3.toUri().toString(), probe, plan, "eaudio");

    assertThat(result.renditions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rendition()).isEqualTo("audio-stereo");
              assertThat(r.codecs()).isEqualTo("mp4a.40.2");
              assertThat(r.width()).isZero();
              assertThat(r.durationS()).isCloseTo(5.0, within(0.1));
            });
    FirstFrameProbe.Facts facts =
        FirstFrameProbe.of(Path.of(URI.create(result.segments().get(0).uri())));
    assertThat(facts.hasVideo()).isFalse();
    assertThat(facts.audioCodec()).isEqualTo("aac");
  }

  @Test
  void anUndecodableSourceIsInputCorruptNamingFfmpegsReason(@TempDir Path out) throws Exception {
    Path junk = SampleMedia.broken(out.resolve("junk.mp4"));
    ProbeResult pretend =
        Probes.of(
            "mp4", 5, 0, "h264", "High", 30, 640, 360, 1, 1, 25, 25, false, 0, "aac", 2, 48000,
            null);
    AssetPackager packager =
        new AssetPackager(settings, new HadoopStorage(new Configuration()), out.toUri().toString());
    assertThatThrownBy(
            () ->
                packager.packageAsset(
                    "run1",
                    "junk",
                    junk.toUri().toString(),
                    pretend,
                    LadderPlanner.plan(pretend, settings),
                    "ejunk"))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(MediaException.Kind.INPUT_CORRUPT);
              assertThat(e.getMessage())
                  .startsWith("ffmpeg exited")
                  .contains("Invalid data found when processing input");
            });
  }

  @Test
  void aMissingSourceIsSourceMissing(@TempDir Path out) {
    ProbeResult pretend =
        Probes.of(
            "mp4", 5, 0, "h264", "High", 30, 640, 360, 1, 1, 25, 25, false, 0, "aac", 2, 48000,
            null);
    AssetPackager packager =
        new AssetPackager(settings, new HadoopStorage(new Configuration()), out.toUri().toString());
    assertThatThrownBy(
            () ->
                packager.packageAsset(
                    "run1",
                    "gone",
                    out.resolve("gone.mp4").toUri().toString(),
                    pretend,
                    LadderPlanner.plan(pretend, settings),
                    "egone"))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> assertThat(e.kind()).isEqualTo(MediaException.Kind.INPUT_MISSING));
  }

  /**
   * The encode timeout is a floor plus a share of the media's length: the default gives a 2-hour
   * title 600 s + 10 s per media second, and a budget too small for the title kills ffmpeg as
   * TIMEOUT.
   */
  @Test
  void theEncodeTimeoutGrowsWithTheMediaAndKillsAnEncodeThatOutrunsIt(@TempDir Path out)
      throws Exception {
    assertThat(settings.ffmpegTimeout(0)).isEqualTo(Duration.ofSeconds(600));
    assertThat(settings.ffmpegTimeout(7200)).isEqualTo(Duration.ofSeconds(600 + 72_000));
    HlsforgeSettings tight =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.ffmpeg.timeout-seconds",
                    "0",
                    "hlsforge.ffmpeg.timeout-per-media-second",
                    "0.01",
                    "hlsforge.ladder",
                    "[{name = 360p, height = 360, video-kbps = 600}]"),
                Optional.empty(),
                Optional.empty()));
    assertThat(tight.ffmpegTimeout(7))
        .as("7 s × 0.01, rounded to whole seconds")
        .isEqualTo(Duration.ZERO);
    ProbeResult probe = probe(clip);
    AssetPackager packager =
        new AssetPackager(tight, new HadoopStorage(new Configuration()), out.toUri().toString());
    assertThatThrownBy(
            () ->
                packager.packageAsset(
                    "run1",
                    "clip",
                    clip.toUri().toString(),
                    probe,
                    LadderPlanner.plan(probe, tight),
                    "eclip"))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(MediaException.Kind.TIMEOUT);
              assertThat(e.getMessage()).contains("timed out");
            });
  }
}
