package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.testkit.QualityOracle;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A long title split into segment-aligned chunks, each encoded by its own task, and its audio in
 * one pass, is indistinguishable from the same title encoded whole: same segment count and
 * boundaries, continuous timestamps across chunk joins, an IDR at every segment start, a clean
 * validation. Its picture quality, measured per chunk, is what the test's own comparison of the
 * joined segments with the source finds.
 */
class ChunkedEncodingTest extends SharedSparkSession {
  private static final double FRAME = 1 / 30.0;
  @TempDir static Path work;
  static Map<String, List<SegmentRecord>> whole;
  static Map<String, List<SegmentRecord>> chunked;

  @BeforeAll
  static void packageBothWays() throws Exception {
    Path title = SampleMedia.testCard(work.resolve("title.mp4"), 320, 180, "30", 21);
    Files.writeString(work.resolve("c.csv"), "asset_id,source_uri\ntitle," + title + "\n");
    whole = segments(run("whole", false));
    chunked = segments(run("chunked", true));
  }

  private static RunContext run(String name, boolean chunking) {
    // veryfast: B-frames, so the encoder's reordering delay is part of what must line up.
    // 21 s in 2 s segments, 3 segments (6 s) per chunk: chunks at 0, 6, 12 and a last one from 18
    // s.
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "veryfast",
                    "hlsforge.chunking.enabled",
                    Boolean.toString(chunking),
                    "hlsforge.chunking.min-title-seconds",
                    "10",
                    "hlsforge.chunking.segments-per-chunk",
                    "3",
                    "hlsforge.quality.metrics",
                    "[psnr, ssim]",
                    "hlsforge.ladder",
                    "[{name = 180p, height = 180, video-kbps = 300}, {name = 90p, height = 90, video-kbps = 100}]"),
                Optional.empty(),
                Optional.empty()));
    RunContext run =
        new RunContext(
            "run-" + name,
            "2026-11-25",
            work.resolve("c.csv").toUri().toString(),
            work.resolve(name + "/out").toUri().toString(),
            work.resolve(name + "/hosting").toUri().toString(),
            settings,
            new SerializableHadoopConf(
                new Configuration(spark.sparkContext().hadoopConfiguration())));
    RunReport report = new Pipeline(run, spark).execute(Pipeline.Stages.ALL);
    assertThat(report.assetsSucceeded()).as(report.summary(name)).isEqualTo(1);
    return run;
  }

  private static Map<String, List<SegmentRecord>> segments(RunContext run) {
    RecordRows<SegmentRecord> rows = RecordRows.of(SegmentRecord.class);
    return new ManifestStore(spark, run.outputUri())
        .read(ManifestStore.SEGMENTS, SegmentRecord.class).collectAsList().stream()
            .map(rows::fromRow)
            .sorted(Comparator.comparingInt(SegmentRecord::segmentIndex))
            .collect(Collectors.groupingBy(SegmentRecord::rendition));
  }

  @Test
  void theChunkedRunReallyEncodedChunksInSeparateTasks() {
    // Chunk encodes restart rate control, so their bytes differ from the whole-title encode; equal
    // bytes would mean the chunked path was not taken at all.
    assertThat(chunked.get("180p"))
        .extracting(SegmentRecord::encodingId)
        .doesNotContain(whole.get("180p").get(0).encodingId());
    assertThat(chunked.get("180p").stream().map(SegmentRecord::sha256).toList())
        .isNotEqualTo(whole.get("180p").stream().map(SegmentRecord::sha256).toList());
  }

  @Test
  void sameSegmentsAndBoundariesAsTheWholeTitleEncode() {
    assertThat(chunked.keySet()).isEqualTo(whole.keySet()).contains("180p", "90p", "audio-stereo");
    for (String rendition : whole.keySet()) {
      List<SegmentRecord> w = whole.get(rendition);
      List<SegmentRecord> c = chunked.get(rendition);
      assertThat(c).as(rendition).hasSameSizeAs(w);
      for (int i = 0; i < w.size(); i++) {
        assertThat(c.get(i).segmentIndex()).isEqualTo(i);
        assertThat(c.get(i).startS())
            .as(rendition + " segment " + i + " start")
            .isCloseTo(w.get(i).startS(), within(FRAME));
        assertThat(c.get(i).startPts())
            .as(rendition + " segment " + i + " PTS")
            .isCloseTo(w.get(i).startPts(), within(FRAME));
        assertThat(c.get(i).durationS())
            .as(rendition + " segment " + i + " duration")
            .isCloseTo(w.get(i).durationS(), within(0.002));
      }
    }
  }

  @Test
  void timestampsRunOnAcrossChunkJoinsAndEverySegmentStartsWithAnIdr() {
    for (String rendition : List.of("180p", "90p")) {
      List<SegmentRecord> c = chunked.get(rendition);
      for (int i = 1; i < c.size(); i++) {
        double gap = c.get(i).startPts() - (c.get(i - 1).startPts() + c.get(i - 1).durationS());
        assertThat(gap)
            .as(rendition + " between segments " + (i - 1) + " and " + i)
            .isCloseTo(0.0, within(0.002));
      }
      assertThat(c).allSatisfy(s -> assertThat(s.startsWithKeyframe()).isTrue());
    }
  }

  @Test
  void videoAndAudioStartTogetherInBothPackages() {
    // The AAC encoder's first frame is priming (1024 samples before the first real sample), so the
    // source's t=0 is 1024/48000 s after the first audio PTS; it must coincide with the first
    // frame.
    double priming = 1024 / 48000.0;
    for (Map<String, List<SegmentRecord>> pkg : List.of(whole, chunked)) {
      double audioZero = pkg.get("audio-stereo").get(0).startPts() + priming;
      for (String video : List.of("180p", "90p")) {
        assertThat(pkg.get(video).get(0).startPts())
            .as(video + " vs audio")
            .isCloseTo(audioZero, within(0.001));
      }
    }
  }

  @Test
  void theChunkedPackageValidatesAndFfprobeSeesOneContinuousStream() throws Exception {
    HadoopStorage storage = new HadoopStorage(new Configuration());
    String master = work.resolve("chunked/hosting/title/master.m3u8").toUri().toString();
    ValidationReport report = new HlsValidator(new StorageResourceReader(storage)).validate(master);
    assertThat(report.errors()).as(report.toText()).isEmpty();
    // ffmpeg itself reads the whole published rendition as one stream, with no timestamp jumps.
    String media =
        Files.readString(work.resolve("chunked/hosting/title/master.m3u8"))
            .lines()
            .filter(l -> l.endsWith("180p/index.m3u8"))
            .findFirst()
            .orElseThrow();
    Path playlist = work.resolve("chunked/hosting/title").resolve(media);
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffmpeg(),
                "-nostdin",
                "-v",
                "warning",
                "-i",
                playlist.toString(),
                "-f",
                "null",
                "-"),
            Duration.ofMinutes(2),
            work);
    assertThat(r.succeeded()).as(r.stderrTail()).isTrue();
    assertThat(r.stderrTail())
        .as("no discontinuity or non-monotonic timestamp warnings")
        .doesNotContainIgnoringCase("discontinuity")
        .doesNotContainIgnoringCase("non monotonic")
        .doesNotContainIgnoringCase("non-monotonic");
  }

  @Test
  void qualityMeasuredPerChunkIsWhatTheTestsOwnComparisonOfTheJoinedSegmentsFinds()
      throws Exception {
    Path source = work.resolve("title.mp4");
    Map<String, Double> meanPsnr = new HashMap<>();
    for (String rendition : List.of("180p", "90p")) {
      List<SegmentRecord> rows = chunked.get(rendition);
      List<Path> files = rows.stream().map(s -> Path.of(URI.create(s.uri()))).toList();
      QualityOracle.Frames oracle = QualityOracle.compare(work, source, "fps=30", "320:180", files);
      assertThat(oracle.psnrY()).hasSize(21 * 30);
      meanPsnr.put(rendition, QualityOracle.mean(oracle.psnrY()));
      List<Integer> frames = QualityOracle.framesPerSegment(work, files);
      int from = 0;
      for (int i = 0; i < rows.size(); i++) {
        List<Double> mine = oracle.psnrY().subList(from, from + frames.get(i));
        assertThat(rows.get(i).qualityFrames()).as(rendition + " " + i).isEqualTo(frames.get(i));
        assertThat(rows.get(i).psnrYDb())
            .as(rendition + " segment " + i + " (a chunk starts every 3rd)")
            .isCloseTo(QualityOracle.mean(mine), within(0.1));
        assertThat(rows.get(i).ssim())
            .isCloseTo(
                QualityOracle.mean(oracle.ssimY().subList(from, from + frames.get(i))),
                within(0.002));
        from += frames.get(i);
      }
    }
    RenditionRecord row =
        new ManifestStore(spark, work.resolve("chunked/out").toUri().toString())
            .read(ManifestStore.RENDITIONS, RenditionRecord.class).collectAsList().stream()
                .map(RecordRows.of(RenditionRecord.class)::fromRow)
                .filter(r -> r.rendition().equals("180p"))
                .findFirst()
                .orElseThrow();
    assertThat(row.psnrYDb())
        .as("the rendition: frame-weighted over its chunks")
        .isCloseTo(meanPsnr.get("180p"), within(0.1));
    assertThat(whole.get("180p")).allSatisfy(s -> assertThat(s.psnrYDb()).isNotNull());
  }
}
