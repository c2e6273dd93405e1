package io.hlsforge.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.jobs.RunReport;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.tracks.TrackPackages;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MPEG-TS recordings as recorders and joins leave them: timestamp jumps (two recordings joined, a
 * recorder that reconnected), continuity-counter errors over intact data, a PTS that wraps past
 * 2^33. Each is packaged with its content's own length (the recordings' frames, written down from
 * the ffmpeg commands below) and validates; only data that is really missing fails, as
 * INPUT_CORRUPT.
 */
class RecordingPipelineTest extends SharedSparkSession {
  private static final int TS_PACKET = 188;

  @TempDir static Path work;
  static Path catalogue;

  /** Seconds of content of each good recording. */
  private static final Map<String, Double> CONTENT =
      Map.of("joined", 6.0, "reconnected", 6.0, "glitched", 4.0, "wrapped", 4.0);

  @BeforeAll
  static void makeSources() throws Exception {
    Path a = recording("a.ts", 4, 0, 440);
    Path b = recording("b.ts", 2, 600, 660); // 600 s later: two recordings joined
    Path c = recording("c.ts", 2, 5.5, 660); // 1.5 s after a's end: a reconnect
    Path joined = concat("joined.ts", a, b);
    Path reconnected = concat("reconnected.ts", a, c);
    // Every 7th packet's continuity counter off by 5; no byte of payload touched.
    byte[] bytes = Files.readAllBytes(a);
    for (int p = 0; p + TS_PACKET <= bytes.length; p += 7 * TS_PACKET) {
      bytes[p + 3] = (byte) ((bytes[p + 3] & 0xf0) | ((bytes[p + 3] + 5) & 0x0f));
    }
    Path glitched = Files.write(work.resolve("glitched.ts"), bytes);
    // Starts 2 s before the 33-bit 90 kHz clock wraps (2^33 / 90000 = 95443.7176 s).
    Path wrapped = recording("wrapped.ts", 4, 95443.7176 - 1.4 - 2, 440);
    // Twenty packets cut out of the middle: video data really missing.
    byte[] whole = Files.readAllBytes(a);
    int middle = whole.length / TS_PACKET / 2 * TS_PACKET;
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    cut.write(whole, 0, middle);
    cut.write(whole, middle + 20 * TS_PACKET, whole.length - middle - 20 * TS_PACKET);
    Path damaged = Files.write(work.resolve("damaged.ts"), cut.toByteArray());
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    for (Path p : List.of(joined, reconnected, glitched, wrapped, damaged)) {
      csv.append(p.getFileName().toString().replace(".ts", "")).append(',').append(p).append('\n');
    }
    catalogue = Files.writeString(work.resolve("c.csv"), csv.toString());
  }

  /**
   * A TS recording of {@code seconds} (25 fps picture with a keyframe a second, a tone) stamped
   * {@code offset} s late.
   */
  private static Path recording(String name, double seconds, double offset, int hz)
      throws Exception {
    Path out = work.resolve(name);
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=" + seconds,
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=" + hz + ":sample_rate=48000:duration=" + seconds,
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-g",
        "25", // a keyframe a second, as broadcast recorders write (a chunk's seek lands on one)
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-output_ts_offset",
        String.valueOf(offset),
        "-f",
        "mpegts",
        out.toString());
    return out;
  }

  private static Path concat(String name, Path first, Path second) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(Files.readAllBytes(first));
    b.write(Files.readAllBytes(second));
    return Files.write(work.resolve(name), b.toByteArray());
  }

  @ParameterizedTest
  @CsvSource({"ts,ts,0", "ts-chunked,ts,1", "fmp4,fmp4,0"})
  void recordingsArePackagedWithTheirContentsLengthAndOnlyMissingDataFails(
      String name, String format, int chunked) throws Exception {
    Map<String, String> extra =
        chunked == 1
            ? Map.of(
                "hlsforge.chunking.min-title-seconds", "0",
                "hlsforge.chunking.segments-per-chunk", "1")
            : Map.of();
    RunReport report =
        TrackPackages.run(spark, work, catalogue, "rec-" + name, format, name, extra);
    assertThat(report.assetsSucceeded()).as(report.summary(name)).isEqualTo(4);
    assertThat(report.failures())
        .extracting(FailureRecord::assetId, FailureRecord::reason)
        .containsExactly(org.assertj.core.api.Assertions.tuple("damaged", "INPUT_CORRUPT"));
    assertThat(report.failures().get(0).message()).contains("the decoder met damaged data");
    Path hosting = work.resolve("hosting-" + name);
    for (Map.Entry<String, Double> e : CONTENT.entrySet()) {
      Path encoding = encodingDir(hosting, e.getKey());
      for (String rendition : List.of("180p", "audio-stereo")) {
        assertThat(Ffprobe.playlistSeconds(encoding.resolve(rendition)))
            .as("%s %s %s", name, e.getKey(), rendition)
            .isCloseTo(e.getValue(), within(0.1));
      }
      // The audio runs on across the join: no stretch of silence (nothing padded a jump).
      Path audio =
          Ffprobe.joined(encoding.resolve("audio-stereo"), work.resolve(name + e.getKey() + ".a"));
      assertThat(
              Ffprobe.values(
                  Ffprobe.frameMetadata(audio, "a", "silencedetect=noise=-60dB:duration=0.2"),
                  "lavfi.silence_start"))
          .as("%s %s silences", name, e.getKey())
          .isEmpty();
    }
    TrackPackages.assertValid(hosting, "joined", "reconnected", "glitched", "wrapped");
  }

  private static Path encodingDir(Path hosting, String asset) throws Exception {
    String master = Files.readString(hosting.resolve(asset + "/master.m3u8"));
    String any = master.lines().filter(l -> l.endsWith("index.m3u8")).findFirst().orElseThrow();
    return hosting.resolve(asset).resolve(any.substring(0, any.indexOf('/')));
  }
}
