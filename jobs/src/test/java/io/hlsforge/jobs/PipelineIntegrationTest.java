package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.RunRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.FirstFrameProbe;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.SerializableHadoopConf;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on Spark local[2] over media generated at test time: a video with audio, an
 * MP3, a corrupt file, a missing file and an asset id that tries to escape the hosting root.
 */
class PipelineIntegrationTest extends SharedSparkSession {
  @TempDir static Path work;
  static Path catalogue;
  static Path output;
  static Path hosting;
  static RunReport report;
  static HlsforgeSettings settings;

  @BeforeAll
  static void runThePipelineOnce() throws Exception {
    Path media = Files.createDirectories(work.resolve("media"));
    Path clip = SampleMedia.testCard(media.resolve("clip.mp4"), 640, 360, "25", 5);
    SampleMedia.mp3(media.resolve("talk.mp3"), 4);
    SampleMedia.broken(media.resolve("corrupt.mp4"));
    catalogue = work.resolve("catalogue.csv");
    Files.writeString(
        catalogue,
        String.join(
                "\n",
                "asset_id,source_uri,title",
                "clip," + clip + ",A clip",
                "talk,media/talk.mp3,A talk (relative path)",
                "corrupt," + media.resolve("corrupt.mp4") + ",Not media",
                "missing," + media.resolve("missing.mp4") + ",Gone",
                "../evil," + clip + ",Escapes the hosting root",
                "twice," + clip + ",Listed twice",
                "twice," + media.resolve("talk.mp3") + ",Listed twice")
            + "\n");
    output = work.resolve("output");
    hosting = work.resolve("hosting");
    settings = settings();
    report =
        new Pipeline(context("it-run-1", catalogue, output, hosting), spark)
            .execute(Pipeline.Stages.ALL);
  }

  static HlsforgeSettings settings() {
    return HlsforgeSettings.from(
        ConfigLoader.load(
            Map.of(
                "hlsforge.segment-seconds", "2",
                "hlsforge.video.preset", "ultrafast",
                "hlsforge.max-failure-ratio", "0.75",
                "hlsforge.ladder",
                    "[{name = 360p, height = 360, video-kbps = 600}, {name = 240p, height = 240, video-kbps = 300}]"),
            Optional.empty(),
            Optional.empty()));
  }

  static RunContext context(String runId, Path catalogue, Path output, Path hosting) {
    return new RunContext(
        runId,
        "2026-11-25",
        catalogue.toUri().toString(),
        output.toUri().toString(),
        hosting.toUri().toString(),
        settings,
        new SerializableHadoopConf(new Configuration(spark.sparkContext().hadoopConfiguration())));
  }

  static <T extends Record> List<T> table(Path out, String name, Class<T> type) {
    RecordRows<T> rows = RecordRows.of(type);
    return new ManifestStore(spark, out.toUri().toString())
        .read(name, type).collectAsList().stream().map(rows::fromRow).toList();
  }

  @Test
  void theReportCountsEveryAssetAndAppliesTheFailureRatio() {
    assertThat(report.assetsTotal()).isEqualTo(7);
    assertThat(report.assetsSucceeded()).isEqualTo(2);
    assertThat(report.assetsFailed()).isEqualTo(5);
    assertThat(report.failureRatio()).isCloseTo(5 / 7.0, within(1e-9));
    assertThat(report.succeeded()).as("5 of 7 failed, limit 0.75").isTrue();
    assertThat(
            new RunReport("x", report.stages(), report.failures(), report.notices(), 0.5, 0)
                .succeeded())
        .as("limit 0.5")
        .isFalse();
    assertThat(report.mediaSeconds()).isCloseTo(9.0, within(0.2));
    assertThat(report.summary("test"))
        .contains("corrupt [probe INPUT_CORRUPT]", "missing [probe INPUT_MISSING]");
    assertThat(table(output, ManifestStore.RUNS, RunRecord.class))
        .extracting(RunRecord::stage)
        .containsExactlyInAnyOrder("probe", "package", "publish");
  }

  @Test
  void theRunsTableSaysWhereEachStagesTimeWent() {
    Map<String, RunRecord> byStage = new HashMap<>();
    table(output, ManifestStore.RUNS, RunRecord.class).forEach(r -> byStage.put(r.stage(), r));
    // Probing and packaging run ffprobe and ffmpeg children; publishing uploads to storage.
    assertThat(byStage.get("probe").childMs()).isPositive();
    assertThat(byStage.get("package").childMs()).isPositive();
    assertThat(byStage.get("publish").storageMs()).isPositive();
    for (RunRecord r : byStage.values()) {
      assertThat(r.taskSlots()).as(r.stage()).isBetween(1, 2); // local[2]
      assertThat(r.childMs() + r.storageMs()).as(r.stage()).isLessThanOrEqualTo(r.workMs());
      assertThat(r.workMs() / r.taskSlots() + r.commitMs())
          .as(r.stage() + ": the parts fit in the stage's wall time")
          .isLessThanOrEqualTo(r.finishedAtMs() - r.startedAtMs());
    }
    assertThat(report.summary("test")).contains("asset work per slot", "commits");
  }

  @Test
  void probesDescribeTheGoodSources() {
    List<ProbeRecord> probes = table(output, ManifestStore.PROBES, ProbeRecord.class);
    assertThat(probes).extracting(ProbeRecord::assetId).containsExactlyInAnyOrder("clip", "talk");
    ProbeRecord clip =
        probes.stream().filter(p -> p.assetId().equals("clip")).findFirst().orElseThrow();
    assertThat(clip.videoCodec()).isEqualTo("h264");
    assertThat(clip.width()).isEqualTo(640);
    assertThat(clip.height()).isEqualTo(360);
    assertThat(clip.frameRate()).isEqualTo(25.0);
    assertThat(clip.audioCodec()).isEqualTo("aac");
    assertThat(clip.durationS()).isCloseTo(5.0, within(0.1));
    ProbeRecord talk =
        probes.stream().filter(p -> p.assetId().equals("talk")).findFirst().orElseThrow();
    assertThat(talk.videoCodec()).isNull();
    assertThat(talk.audioCodec()).isEqualTo("mp3");
    assertThat(talk.sourceUri())
        .as("relative source resolved against the catalogue folder")
        .endsWith("/media/talk.mp3");
  }

  @Test
  void badInputsBecomeFailureRowsNamingTheAssetAndTheReason() {
    List<FailureRecord> failures = table(output, ManifestStore.FAILURES, FailureRecord.class);
    assertThat(failures)
        .extracting(f -> f.assetId() + ":" + f.stage() + ":" + f.reason())
        .containsExactlyInAnyOrder(
            "corrupt:probe:INPUT_CORRUPT",
            "missing:probe:INPUT_MISSING",
            "../evil:probe:INVALID_ASSET_ID",
            "twice:probe:DUPLICATE_ASSET_ID",
            "twice:probe:DUPLICATE_ASSET_ID");
    assertThat(failures)
        .allSatisfy(
            f -> assertThat(f.message()).startsWith("Cannot probe asset '" + f.assetId() + "'"));
    assertThat(failures).allSatisfy(f -> assertThat(f.runId()).isEqualTo("it-run-1"));
  }

  @Test
  void anInvalidAssetIdIsNeverUsedAsAPath() throws Exception {
    // The source of "../evil" exists (it is the clip), so only the id check kept it out.
    try (Stream<Path> all = Files.walk(work)) {
      assertThat(all.map(p -> work.relativize(p).toString()).filter(p -> p.contains("evil")))
          .isEmpty();
    }
    assertThat(work.getParent().resolve("evil")).doesNotExist();
  }

  @Test
  void everyRenditionAndSegmentIsAManifestRow() throws Exception {
    List<RenditionRecord> renditions =
        table(output, ManifestStore.RENDITIONS, RenditionRecord.class);
    assertThat(renditions)
        .extracting(r -> r.assetId() + "/" + r.rendition())
        .containsExactlyInAnyOrder(
            "clip/360p", "clip/240p", "clip/audio-stereo", "talk/audio-stereo");
    List<SegmentRecord> segments = table(output, ManifestStore.SEGMENTS, SegmentRecord.class);
    for (RenditionRecord r : renditions) {
      List<SegmentRecord> mine =
          segments.stream()
              .filter(s -> s.assetId().equals(r.assetId()) && s.rendition().equals(r.rendition()))
              .toList();
      assertThat(mine).hasSize(r.segmentCount());
      assertThat(mine.stream().mapToDouble(SegmentRecord::durationS).sum())
          .isCloseTo(r.durationS(), within(1e-6));
      for (SegmentRecord s : mine) {
        Path file = Path.of(URI.create(s.uri()));
        assertThat(file.toString())
            .contains("/media/" + r.assetId() + "/" + r.encodingId() + "/" + r.rendition() + "/");
        assertThat(sha256(file)).isEqualTo(s.sha256());
        assertThat(Files.size(file)).isEqualTo(s.bytes());
      }
    }
  }

  @Test
  void everyPublishedVideoSegmentStartsWithAKeyframe() throws Exception {
    List<Path> published;
    try (Stream<Path> files = Files.walk(hosting.resolve("clip"))) {
      published =
          files
              .filter(p -> p.toString().endsWith(".ts") && !p.toString().contains("/audio-"))
              .toList();
    }
    assertThat(published).hasSize(2 * 3); // 2 video renditions × (2 + 2 + 1 s)
    for (Path ts : published) {
      FirstFrameProbe.Facts f = FirstFrameProbe.of(ts);
      assertThat(f.keyFrame()).as("first frame of %s is a keyframe", ts).isTrue();
      assertThat(f.pictType()).as(ts.toString()).isEqualTo("I");
    }
  }

  @Test
  void theMasterPlaylistDescribesTheRealStreams() throws Exception {
    String master = Files.readString(hosting.resolve("clip/master.m3u8"));
    List<String> lines = master.lines().toList();
    assertThat(lines.get(0)).isEqualTo("#EXTM3U");
    List<String> variants = lines.stream().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")).toList();
    assertThat(variants).hasSize(2);
    String audioMedia =
        lines.stream().filter(l -> l.startsWith("#EXT-X-MEDIA:")).collect(Collectors.joining("\n"));
    assertThat(audioMedia)
        .contains(
            "TYPE=AUDIO", "GROUP-ID=\"aud\"", "DEFAULT=YES", "CHANNELS=\"2\"", "LANGUAGE=\"und\"");
    Path audioPlaylist =
        hosting.resolve("clip").resolve(TestMediaFacts.attribute(audioMedia, "URI"));
    List<TestMediaFacts.Extinf> audioSegs =
        TestMediaFacts.segments(Files.readString(audioPlaylist));
    double[] audioSeconds =
        audioSegs.stream().mapToDouble(TestMediaFacts.Extinf::seconds).toArray();
    long[] audioBytes = new long[audioSegs.size()];
    for (int i = 0; i < audioSegs.size(); i++) {
      audioBytes[i] = Files.size(audioPlaylist.getParent().resolve(audioSegs.get(i).uri()));
    }
    double audioPeak = TestMediaFacts.peakBitsPerSecond(audioSeconds, audioBytes, 2);
    double audioAverage = Arrays.stream(audioBytes).sum() * 8.0 / Arrays.stream(audioSeconds).sum();
    assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-I-FRAME-STREAM-INF:"))).hasSize(2);
    for (String inf : variants) {
      String uri = lines.get(lines.indexOf(inf) + 1);
      Path media = hosting.resolve("clip").resolve(uri);
      String mediaPlaylist = Files.readString(media);
      assertThat(mediaPlaylist)
          .contains(
              "#EXT-X-VERSION:",
              "#EXT-X-TARGETDURATION:2",
              "#EXT-X-PLAYLIST-TYPE:VOD",
              "#EXT-X-INDEPENDENT-SEGMENTS")
          .endsWith("#EXT-X-ENDLIST\n");
      List<TestMediaFacts.Extinf> segs = TestMediaFacts.segments(mediaPlaylist);
      double[] seconds = segs.stream().mapToDouble(TestMediaFacts.Extinf::seconds).toArray();
      long[] bytes = new long[segs.size()];
      for (int i = 0; i < segs.size(); i++) {
        Path seg = media.getParent().resolve(segs.get(i).uri());
        assertThat(seg).as("segment referenced by the playlist exists").exists();
        bytes[i] = Files.size(seg);
      }
      long bandwidth = Long.parseLong(TestMediaFacts.attribute(inf, "BANDWIDTH"));
      // Every playable combination (this video + the group's audio) must fit in BANDWIDTH.
      double peak = TestMediaFacts.peakBitsPerSecond(seconds, bytes, 2) + audioPeak;
      assertThat(bandwidth)
          .as("BANDWIDTH >= RFC 8216 peak and within 10%%")
          .isGreaterThanOrEqualTo((long) Math.floor(peak))
          .isLessThanOrEqualTo((long) Math.ceil(peak * 1.1));
      assertThat(TestMediaFacts.attribute(inf, "AUDIO")).isEqualTo("aud");
      double average =
          Stream.of(bytes).flatMapToLong(Arrays::stream).sum() * 8.0 / Arrays.stream(seconds).sum()
              + audioAverage;
      assertThat(Double.parseDouble(TestMediaFacts.attribute(inf, "AVERAGE-BANDWIDTH")))
          .isCloseTo(average, within(average * 0.01));

      FirstFrameProbe.Facts facts =
          FirstFrameProbe.of(media.getParent().resolve(segs.get(0).uri()));
      String codecs = TestMediaFacts.attribute(inf, "CODECS");
      // ffprobe names the profile; RFC 6381 wants its profile_idc, then constraint flags, then
      // level_idc.
      String profileIdc =
          switch (facts.profile()) {
            case "High" -> "64";
            case "Main" -> "4d";
            case "Baseline", "Constrained Baseline" -> "42";
            default -> throw new AssertionError("unexpected profile " + facts.profile());
          };
      assertThat(codecs)
          .as("CODECS from the real stream: %s level %d", facts.profile(), facts.level())
          .matches(
              "avc1\\."
                  + profileIdc
                  + "[0-9a-f]{2}"
                  + String.format("%02x", facts.level())
                  + ",mp4a\\.40\\.2");
      assertThat(TestMediaFacts.attribute(inf, "FRAME-RATE")).isEqualTo("25.000");
      String resolution = TestMediaFacts.attribute(inf, "RESOLUTION");
      assertThat(resolution).isIn("640x360", "426x240");
    }
  }

  @Test
  void audioOnlyAssetsGetAnAudioOnlyPackage() throws Exception {
    String master = Files.readString(hosting.resolve("talk/master.m3u8"));
    assertThat(master)
        .contains("CODECS=\"mp4a.40.2\"")
        .doesNotContain("RESOLUTION")
        .doesNotContain("FRAME-RATE");
    String mediaUri =
        master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
    assertThat(mediaUri).endsWith("/audio-stereo/index.m3u8");
    assertThat(Files.readString(hosting.resolve("talk").resolve(mediaUri))).contains("#EXTINF:");
  }

  @Test
  void theHostingIndexListsThePublishedAssets() throws Exception {
    String index = Files.readString(hosting.resolve("index.json"));
    assertThat(index)
        .contains(
            "\"asset_id\" : \"clip\"",
            "\"master\" : \"clip/master.m3u8\"",
            "\"asset_id\" : \"talk\"")
        .doesNotContain("corrupt");
    try (Stream<Path> files = Files.walk(hosting)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".crc")))
          .as("no Hadoop checksum files in hosting")
          .isEmpty();
    }
  }

  @Test
  void stagesRunOneByOneProduceTheSamePackages(@TempDir Path separate) throws Exception {
    Path out2 = separate.resolve("output");
    Path host2 = separate.resolve("hosting");
    RunReport probe =
        new Pipeline(context("it-probe", catalogue, out2, host2), spark)
            .execute(Pipeline.Stages.PROBE);
    RunReport pack =
        new Pipeline(context("it-package", catalogue, out2, host2), spark)
            .execute(Pipeline.Stages.PACKAGE);
    RunReport publish =
        new Pipeline(context("it-publish", catalogue, out2, host2), spark)
            .execute(Pipeline.Stages.PUBLISH);
    assertThat(probe.stages().get(0).assetsSucceeded()).isEqualTo(2);
    assertThat(probe.stages().get(0).assetsTotal()).isEqualTo(7);
    assertThat(pack.stages().get(0).assetsSucceeded()).isEqualTo(2);
    assertThat(publish.stages().get(0).assetsSucceeded()).isEqualTo(2);

    List<RenditionRecord> together = table(output, ManifestStore.RENDITIONS, RenditionRecord.class);
    List<RenditionRecord> apart = table(out2, ManifestStore.RENDITIONS, RenditionRecord.class);
    assertThat(apart)
        .extracting(
            r -> r.assetId() + "/" + r.rendition() + "/" + r.segmentCount() + "/" + r.codecs())
        .containsExactlyInAnyOrderElementsOf(
            together.stream()
                .map(
                    r ->
                        r.assetId()
                            + "/"
                            + r.rendition()
                            + "/"
                            + r.segmentCount()
                            + "/"
                            + r.codecs())
                .toList());
    assertThat(host2.resolve("clip/master.m3u8")).exists();
    assertThat(host2.resolve("talk/master.m3u8")).exists();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
