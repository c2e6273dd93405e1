package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.Ebur128Summary;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.LoudnessCommands;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.QualityOracle;
import io.hlsforge.testkit.TestMedia;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Picture quality and loudness, proven against measurements the test makes itself ({@link
 * QualityOracle}: its own ffmpeg commands over the published segments, frames counted by ffprobe,
 * loudness by loudnorm's meter rather than the ebur128 filter the packager uses).
 */
class QualityAndLoudnessTest {
  @TempDir static Path media;
  @TempDir static Path scratch;
  static Path clip;

  @BeforeAll
  static void generateMedia() throws Exception {
    clip = SampleMedia.testCard(media.resolve("clip.mp4"), 320, 180, "25", 5);
  }

  private static HlsforgeSettings settings(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(more);
    all.put("hlsforge.scratch-dir", scratch.toString());
    all.put("hlsforge.segment-seconds", "2");
    all.put("hlsforge.video.preset", "ultrafast");
    return HlsforgeSettings.from(ConfigLoader.load(all, Optional.empty(), Optional.empty()));
  }

  private static PackageOutcome pack(HlsforgeSettings s, Path source, String id, Path out)
      throws Exception {
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(source);
    return new AssetPackager(s, new HadoopStorage(new Configuration()), out.toUri().toString())
        .packageAsset(
            "run1", id, source.toUri().toString(), probe, LadderPlanner.plan(probe, s), "e" + id);
  }

  /** The published segments of a rendition in order, as files. */
  private static List<Path> published(List<SegmentRecord> segments, String rendition) {
    return segments.stream()
        .filter(s -> s.rendition().equals(rendition))
        .sorted((a, b) -> Integer.compare(a.segmentIndex(), b.segmentIndex()))
        .map(s -> Path.of(URI.create(s.uri())))
        .toList();
  }

  @Test
  void qualityOfEachRenditionAndSegmentMatchesTheTestsOwnComparison(@TempDir Path out)
      throws Exception {
    HlsforgeSettings s =
        settings(
            Map.of(
                "hlsforge.quality.metrics",
                "[psnr, ssim, xpsnr]",
                "hlsforge.ladder",
                "[{name = 180p, height = 180, video-kbps = 600},"
                    + " {name = 90p, height = 90, video-kbps = 40}]"));
    PackageOutcome result = pack(s, clip, "clip", out);
    Map<String, RenditionRecord> rows =
        result.renditions().stream().collect(Collectors.toMap(RenditionRecord::rendition, r -> r));

    Path work = Files.createDirectories(out.resolve("oracle"));
    for (String rendition : List.of("180p", "90p")) {
      List<Path> segments = published(result.segments(), rendition);
      // docs/quality.md: the source normalised as the ladder did (a 25 fps progressive SDR source:
      // fps=25 only), at the source's display size.
      QualityOracle.Frames oracle =
          QualityOracle.compare(work, clip, "fps=25", "320:180", segments);
      List<Double> psnr = oracle.psnrY();
      List<Double> ssim = oracle.ssimY();
      assertThat(psnr).hasSize(125); // 5 s at 25 fps
      RenditionRecord row = rows.get(rendition);
      assertThat(row.psnrYDb()).as(rendition).isCloseTo(QualityOracle.mean(psnr), within(0.1));
      assertThat(row.ssim()).as(rendition).isCloseTo(QualityOracle.mean(ssim), within(0.002));
      assertThat(row.xpsnrDb()).as(rendition).isNotNull();

      // Per segment: ffprobe counts each published segment's frames; the per-frame list is cut
      // into those runs.
      List<SegmentRecord> segmentRows =
          result.segments().stream()
              .filter(r -> r.rendition().equals(rendition))
              .sorted((a, b) -> Integer.compare(a.segmentIndex(), b.segmentIndex()))
              .toList();
      List<Integer> frameCounts = QualityOracle.framesPerSegment(work, segments);
      int from = 0;
      double worst = Double.MAX_VALUE;
      for (int i = 0; i < segments.size(); i++) {
        int frames = frameCounts.get(i);
        double expected = QualityOracle.mean(psnr.subList(from, from + frames));
        worst = Math.min(worst, expected);
        SegmentRecord seg = segmentRows.get(i);
        assertThat(seg.qualityFrames()).as(rendition + " segment " + i).isEqualTo(frames);
        assertThat(seg.psnrYDb()).as(rendition + " segment " + i).isCloseTo(expected, within(0.1));
        assertThat(seg.ssim())
            .as(rendition + " segment " + i)
            .isCloseTo(QualityOracle.mean(ssim.subList(from, from + frames)), within(0.002));
        from += frames;
      }
      assertThat(from).isEqualTo(psnr.size());
      assertThat(row.psnrYMinSegmentDb()).isCloseTo(worst, within(0.1));
    }
    assertThat(rows.get("90p").psnrYDb())
        .as("40 kb/s at a quarter of the pixels looks worse")
        .isLessThan(rows.get("180p").psnrYDb() - 3);
    assertThat(rows.get("90p").ssim()).isLessThan(rows.get("180p").ssim());
    assertThat(rows.get("90p").xpsnrDb()).isLessThan(rows.get("180p").xpsnrDb());
    RenditionRecord audio = rows.get("audio-stereo");
    assertThat(audio.psnrYDb()).isNull();
    assertThat(result.segments().stream().filter(r -> r.rendition().equals("audio-stereo")))
        .allSatisfy(r -> assertThat(r.qualityFrames()).isNull());
  }

  @Test
  void withoutMetricsTheQualityColumnsAreNullAndLoudnessIsStillMeasured(@TempDir Path out)
      throws Exception {
    HlsforgeSettings s =
        settings(Map.of("hlsforge.ladder", "[{name = 90p, height = 90, video-kbps = 150}]"));
    PackageOutcome result = pack(s, clip, "plain", out);
    assertThat(result.renditions()).allSatisfy(r -> assertThat(r.psnrYDb()).isNull());
    assertThat(result.segments()).allSatisfy(r -> assertThat(r.psnrYDb()).isNull());
    RenditionRecord audio =
        result.renditions().stream().filter(r -> r.kind().equals("audio")).findFirst().get();
    double measured =
        QualityOracle.integratedLoudness(out, published(result.segments(), "audio-stereo"));
    assertThat(audio.loudnessLufs()).isCloseTo(measured, within(0.5));
    assertThat(audio.sourceLoudnessLufs())
        .as("not normalised: AAC at 128 kb/s keeps the loudness")
        .isCloseTo(audio.loudnessLufs(), within(0.5));
    assertThat(audio.loudnessTargetLufs()).isNull();
    assertThat(audio.truePeakDbtp()).isNotNull().isLessThan(0.0);
  }

  @Test
  void aLoudAndAQuietSourceBothLandOnTheTarget(@TempDir Path out) throws Exception {
    HlsforgeSettings s = settings(Map.of("hlsforge.audio.loudness-target", "-23"));
    Path loud = media.resolve("loud.m4a");
    Path quiet = media.resolve("quiet.m4a");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "anoisesrc=color=pink:amplitude=0.7:duration=8:seed=1",
        "-ac",
        "2",
        "-c:a",
        "aac",
        "-b:a",
        "192k",
        loud.toString());
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=330:duration=8,volume=-38dB",
        "-ac",
        "2",
        "-c:a",
        "aac",
        "-b:a",
        "192k",
        quiet.toString());
    for (Path source : List.of(loud, quiet)) {
      String id = source.getFileName().toString().replace(".m4a", "");
      PackageOutcome result = pack(s, source, id, out);
      RenditionRecord audio = result.renditions().get(0);
      double measured =
          QualityOracle.integratedLoudness(out, published(result.segments(), audio.rendition()));
      assertThat(measured).as(id + " measured by the test").isCloseTo(-23.0, within(1.0));
      assertThat(audio.loudnessLufs()).as(id).isCloseTo(measured, within(0.5));
      assertThat(audio.loudnessTargetLufs()).isEqualTo(-23.0);
      assertThat(audio.truePeakDbtp()).as(id + " under the ceiling").isLessThanOrEqualTo(-0.5);
      if (source == loud) {
        assertThat(audio.sourceLoudnessLufs()).as("loud before").isGreaterThan(-20.0);
      } else {
        assertThat(audio.sourceLoudnessLufs()).as("quiet before").isLessThan(-35.0);
      }
    }
  }

  @Test
  void fmp4RenditionsAreMeasuredFromTheirOwnSegmentsToo(@TempDir Path out) throws Exception {
    HlsforgeSettings s =
        settings(
            Map.of(
                "hlsforge.segment-format", "fmp4",
                "hlsforge.quality.metrics", "[psnr]",
                "hlsforge.ladder", "[{name = 90p, height = 90, video-kbps = 60}]"));
    PackageOutcome result = pack(s, clip, "fmp4", out);
    RenditionRecord row =
        result.renditions().stream().filter(r -> r.rendition().equals("90p")).findFirst().get();
    // The init segment first, then the media segments: one fragmented MP4 stream.
    List<Path> files = new ArrayList<>();
    files.add(Path.of(URI.create(row.mediaUri() + "/" + row.initFileName())));
    files.addAll(published(result.segments(), "90p"));
    Path work = Files.createDirectories(out.resolve("oracle"));
    QualityOracle.Frames oracle = QualityOracle.compare(work, clip, "fps=25", "320:180", files);
    assertThat(oracle.psnrY()).hasSize(125);
    assertThat(row.psnrYDb()).isCloseTo(QualityOracle.mean(oracle.psnrY()), within(0.1));
  }

  @Test
  void manyAudioTracksAreAllMeasuredAtTheirOwnLevels(@TempDir Path out) throws Exception {
    // Eight stereo tracks of one tone, each 3 dB quieter than the one before: more meters than one
    // child's log keeps, and loudness steps of exactly 3 LU by construction.
    List<String> args =
        new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=3"));
    StringBuilder graph = new StringBuilder();
    for (int t = 0; t < 8; t++) {
      args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=500:sample_rate=48000:duration=3"));
      graph
          .append(t == 0 ? "" : ";")
          .append('[')
          .append(t + 1)
          .append(":a]volume=")
          .append(-3 * t)
          .append("dB,pan=stereo|c0=c0|c1=c0[a")
          .append(t)
          .append(']');
    }
    args.addAll(List.of("-filter_complex", graph.toString(), "-map", "0:v"));
    for (int t = 0; t < 8; t++) {
      args.addAll(List.of("-map", "[a" + t + "]"));
    }
    Path tracks = media.resolve("tracks.mkv");
    args.addAll(
        List.of(
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-c:a",
            "aac",
            "-b:a",
            "128k",
            tracks.toString()));
    TestMedia.ffmpeg(args.toArray(String[]::new));
    PackageOutcome result =
        pack(
            settings(Map.of("hlsforge.ladder", "[{name = 90p, height = 90, video-kbps = 100}]")),
            tracks,
            "tracks",
            out);
    List<RenditionRecord> audio =
        result.renditions().stream()
            .filter(r -> r.kind().equals("audio"))
            .sorted(Comparator.comparing(r -> r.sourceTracks().get(0)))
            .toList();
    assertThat(audio).hasSize(8);
    for (int t = 1; t < 8; t++) {
      assertThat(audio.get(t - 1).loudnessLufs() - audio.get(t).loudnessLufs())
          .as("track " + t + " is 3 LU below track " + (t - 1))
          .isCloseTo(3.0, within(0.3));
      assertThat(audio.get(t).sourceLoudnessLufs())
          .isCloseTo(audio.get(t).loudnessLufs(), within(0.5));
    }
  }

  @Test
  void steadyAudioIsNormalisedWithOneLinearGain(@TempDir Path out) throws Exception {
    // A steady tone measures a loudness range of 0.0 LU: the chain the packager builds from that
    // first pass must still let loudnorm use its linear mode, which it reports when asked.
    Path tone = media.resolve("tone.wav");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=330:sample_rate=48000:duration=6,volume=-30dB",
        "-ac",
        "2",
        tone.toString());
    ProbeResult probe = new MediaProber(Duration.ofMinutes(1)).probe(tone);
    HlsforgeSettings s = settings(Map.of("hlsforge.audio.loudness-target", "-23"));
    List<PlannedRendition> plan = LadderPlanner.plan(probe, s);
    PlannedRendition stereo = plan.get(0);
    ChildProcess.Result first =
        ChildProcess.run(
            LoudnessCommands.measure(
                FfmpegBinaries.ffmpeg(), tone, probe, s, plan, List.of(stereo), List.of(), 0),
            Duration.ofMinutes(1),
            out);
    Ebur128Summary measured = Ebur128Summary.parseAll(first.stderrTail()).get(0);
    assertThat(measured.loudness().rangeLu()).isEqualTo(0.0);
    String chain =
        LoudnessCommands.normalised(probe, plan, stereo, s.audio().loudness(), measured)
            .orElseThrow()
            .replace("print_format=none", "print_format=summary");
    ChildProcess.Result second =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffmpeg(),
                "-nostdin",
                "-hide_banner",
                "-nostats",
                "-i",
                tone.toString(),
                "-af",
                chain,
                "-f",
                "null",
                "-"),
            Duration.ofMinutes(1),
            out);
    assertThat(second.stderrTail()).as(chain).containsPattern("Normalization Type:\\s+Linear");
  }
}
