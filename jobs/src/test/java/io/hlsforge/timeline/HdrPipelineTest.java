package io.hlsforge.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.tracks.TrackPackages;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.Rule;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HDR10 (PQ) and HLG sources become an SDR BT.709 ladder that looks like the picture they were
 * graded from. The HDR sources are made from one SDR test pattern (zimg: BT.709 → linear → BT.2020
 * with SDR white at 203 nits, ITU-R BT.2408's reference white, then PQ or HLG, 10-bit HEVC); each
 * SDR rung is compared with that pattern, through ffprobe (codec, bit depth, colour tags) and
 * ffmpeg's signalstats (mean luma and the spread between the 10th and 90th percentiles: a washed-
 * out picture keeps much of its mean but loses its spread).
 */
class HdrPipelineTest extends SharedSparkSession {
  @TempDir static Path work;
  static Path catalogue;
  static Path sdr;

  private static final String PATTERN = "testsrc2=size=320x180:rate=25:duration=4";

  @BeforeAll
  static void makeSources() throws Exception {
    sdr = work.resolve("sdr.mp4");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        PATTERN,
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-qp",
        "0",
        "-pix_fmt",
        "yuv420p",
        sdr.toString());
    TestMedia.hdrPattern(work.resolve("pq.mp4"), "smpte2084", "320x180", 4);
    TestMedia.hdrPattern(work.resolve("hlg.mp4"), "arib-std-b67", "320x180", 4);
    catalogue =
        Files.writeString(
            work.resolve("c.csv"),
            "asset_id,source_uri\npq,"
                + work.resolve("pq.mp4")
                + "\nhlg,"
                + work.resolve("hlg.mp4")
                + "\n");
  }

  @ParameterizedTest
  @CsvSource({"ts,ts,0", "ts-chunked,ts,1", "fmp4,fmp4,0"})
  void hdrSourcesBecomeAnSdrBt709LadderThatIsNotWashedOut(String name, String format, int chunked)
      throws Exception {
    Map<String, String> extra =
        chunked == 1
            ? Map.of(
                "hlsforge.chunking.min-title-seconds", "0",
                "hlsforge.chunking.segments-per-chunk", "1")
            : Map.of();
    RunReport report =
        TrackPackages.run(spark, work, catalogue, "hdr-" + name, format, name, extra);
    assertThat(report.assetsSucceeded()).as(report.summary(name)).isEqualTo(2);
    Path hosting = work.resolve("hosting-" + name);
    double[] reference = luma(sdr);
    for (String asset : List.of("pq", "hlg")) {
      assertThat(
              TrackPackages.masterLines(hosting, asset, "#EXT-X-STREAM-INF").stream()
                  .filter(l -> l.contains("RESOLUTION")))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).contains(",VIDEO-RANGE=SDR"));
      Path rung =
          Ffprobe.joined(
              encodingDir(hosting, asset).resolve("180p"), work.resolve(name + asset + ".v"));
      JsonNode v = Ffprobe.streams(rung).path("streams").get(0);
      assertThat(v.path("codec_name").asText()).isEqualTo("h264");
      assertThat(v.path("pix_fmt").asText()).isEqualTo("yuv420p");
      assertThat(v.path("color_transfer").asText()).as(asset).isEqualTo("bt709");
      assertThat(v.path("color_primaries").asText()).as(asset).isEqualTo("bt709");
      assertThat(v.path("color_space").asText()).as(asset).isEqualTo("bt709");
      double[] seen = luma(rung);
      // Mean luma within 6 of 219 steps; the 10th-90th percentile spread at least 85 % of the SDR
      // pattern's (the untouched PQ picture keeps 40 %, HLG 65 %).
      assertThat(seen[0])
          .as("%s mean luma vs the SDR pattern's %s", asset, reference[0])
          .isCloseTo(reference[0], within(6.0));
      assertThat(seen[1])
          .as("%s luma spread vs the SDR pattern's %s", asset, reference[1])
          .isGreaterThanOrEqualTo(0.85 * reference[1]);
    }
    TrackPackages.assertValid(hosting, "pq", "hlg");
  }

  /**
   * {@code hlsforge.hdr = sdr-and-hdr}: next to each SDR rung, an HEVC Main10 rung that keeps the
   * source's transfer (PQ, HLG) and HDR10's mastering metadata, signalled by VIDEO-RANGE. The
   * expected values are the ones the sources were made with (TestMedia.hdrPattern), read back by
   * ffprobe.
   */
  @Test
  void theHdrModeAddsHevcMain10RungsThatKeepTheSourcesTransferAndMetadata() throws Exception {
    RunReport report =
        TrackPackages.run(
            spark,
            work,
            catalogue,
            "hdr-mode",
            "fmp4",
            "hdr-mode",
            Map.of("hlsforge.hdr", "sdr-and-hdr"));
    assertThat(report.assetsSucceeded()).as(report.summary("hdr-mode")).isEqualTo(2);
    Path hosting = work.resolve("hosting-hdr-mode");
    Map<String, String[]> expected =
        Map.of("pq", new String[] {"PQ", "smpte2084"}, "hlg", new String[] {"HLG", "arib-std-b67"});
    for (Map.Entry<String, String[]> e : expected.entrySet()) {
      String asset = e.getKey();
      List<String> variants =
          TrackPackages.masterLines(hosting, asset, "#EXT-X-STREAM-INF").stream()
              .filter(l -> l.contains("RESOLUTION"))
              .toList();
      assertThat(variants)
          .as(asset)
          .hasSize(2)
          .anySatisfy(l -> assertThat(l).contains("CODECS=\"avc1.").contains(",VIDEO-RANGE=SDR"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("CODECS=\"hvc1.2.")
                      .contains(",VIDEO-RANGE=" + e.getValue()[0]));
      assertThat(TrackPackages.masterLines(hosting, asset, "#EXT-X-I-FRAME-STREAM-INF"))
          .as("%s trick play keeps each rung's range", asset)
          .hasSize(2)
          .anySatisfy(l -> assertThat(l).contains("avc1.").contains(",VIDEO-RANGE=SDR"))
          .anySatisfy(
              l -> assertThat(l).contains("hvc1.2.").contains(",VIDEO-RANGE=" + e.getValue()[0]));
      Path rung =
          Ffprobe.joined(
              encodingDir(hosting, asset).resolve("hdr-180p"),
              work.resolve("mode-" + asset + ".v"));
      JsonNode v = Ffprobe.streams(rung).path("streams").get(0);
      assertThat(v.path("codec_name").asText()).isEqualTo("hevc");
      assertThat(v.path("profile").asText()).isEqualTo("Main 10");
      assertThat(v.path("pix_fmt").asText()).isEqualTo("yuv420p10le");
      assertThat(v.path("color_transfer").asText()).as(asset).isEqualTo(e.getValue()[1]);
      assertThat(v.path("color_primaries").asText()).as(asset).isEqualTo("bt2020");
      assertThat(v.path("color_space").asText()).as(asset).isEqualTo("bt2020nc");
      // The HDR picture is the source's, not re-graded: same mean luma within a few steps.
      double source = luma(work.resolve(asset + ".mp4"))[0];
      assertThat(luma(rung)[0]).as("%s HDR rung mean luma", asset).isCloseTo(source, within(4.0));
    }
    JsonNode frame =
        Ffprobe.firstVideoFrame(
            Ffprobe.joined(
                encodingDir(hosting, "pq").resolve("hdr-180p"), work.resolve("mode-pq-frame.v")));
    String sideData = frame.path("side_data_list").toString();
    // TestMedia.hdrPattern's master-display L(10000000,1) and max-cll=1000,400.
    assertThat(sideData)
        .contains("\"max_luminance\":\"10000000/10000\"")
        .contains("\"min_luminance\":\"1/10000\"")
        .contains("\"max_content\":1000")
        .contains("\"max_average\":400");
    assertThat(
            spark
                .read()
                .parquet(work.resolve("out-hdr-mode/manifests/renditions").toString())
                .selectExpr("concat(asset_id, ' ', rendition, ' ', coalesce(video_range, '-'))")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder(
            "pq 180p SDR",
            "pq hdr-180p PQ",
            "pq audio-stereo -",
            "hlg 180p SDR",
            "hlg hdr-180p HLG",
            "hlg audio-stereo -");
    TrackPackages.assertValid(hosting, "pq", "hlg");
  }

  @Test
  void theHdrModeNeedsFmp4() {
    assertThatThrownBy(
            () ->
                TrackPackages.run(
                    spark,
                    work,
                    catalogue,
                    "hdr-ts",
                    "ts",
                    "hdr-ts",
                    Map.of("hlsforge.hdr", "sdr-and-hdr")))
        .hasMessageContaining("hlsforge.hdr")
        .hasMessageContaining("fmp4");
  }

  @Test
  void theValidatorRefusesAnEightBitH264PictureFlaggedPq() throws Exception {
    // What hlsforge used to publish for an HDR10 source: the PQ picture squeezed into 8-bit H.264,
    // still flagged PQ / BT.2020, in a master that says nothing of the range (so SDR).
    Path dir = Files.createDirectories(work.resolve("flagged/v"));
    TestMedia.ffmpeg(
        "-i",
        work.resolve("pq.mp4").toString(),
        "-an",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-g",
        "25",
        "-f",
        "hls",
        "-hls_time",
        "2",
        "-hls_playlist_type",
        "vod",
        "-hls_flags",
        "independent_segments",
        dir.resolve("index.m3u8").toString());
    Path master =
        Files.writeString(
            work.resolve("flagged/master.m3u8"),
            "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=900000,CODECS=\"avc1.64000d\",RESOLUTION=320x180\n"
                + "v/index.m3u8\n");
    ValidationReport r =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())))
            .validate(master.toUri().toString());
    assertThat(r.errors())
        .as(r.toText())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.C17);
              assertThat(f.message()).contains("transfer_characteristics is 16 (PQ)");
            });
  }

  /** {mean luma, 90th - 10th percentile} over the file's frames (signalstats YAVG, YHIGH, YLOW). */
  private static double[] luma(Path video) throws Exception {
    String m = Ffprobe.frameMetadata(video, "v", "scale=320:180,format=yuv420p,signalstats");
    double avg = mean(Ffprobe.values(m, "lavfi.signalstats.YAVG"));
    double high = mean(Ffprobe.values(m, "lavfi.signalstats.YHIGH"));
    double low = mean(Ffprobe.values(m, "lavfi.signalstats.YLOW"));
    return new double[] {avg, high - low};
  }

  private static double mean(List<Double> values) {
    assertThat(values).isNotEmpty();
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static Path encodingDir(Path hosting, String asset) throws Exception {
    String master = Files.readString(hosting.resolve(asset + "/master.m3u8"));
    String any = master.lines().filter(l -> l.endsWith("index.m3u8")).findFirst().orElseThrow();
    return hosting.resolve(asset).resolve(any.substring(0, any.indexOf('/')));
  }
}
