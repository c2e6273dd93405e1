package io.hlsforge.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.jobs.RunReport;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.testkit.QualityOracle;
import io.hlsforge.testkit.TestMedia;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every audio track of a master reaches the package. The sources carry a different tone per track,
 * so which source track a published rendition holds is read off its decoded samples (the frequency,
 * from zero crossings), an oracle independent of the planner and the playlists.
 */
class MultiTrackPipelineTest extends SharedSparkSession {
  static Path work;
  static Path catalogue;

  @BeforeAll
  static void makeSources(@TempDir Path dir) throws Exception {
    work = dir;
    Path feature = dir.resolve("feature.mkv");
    // English 5.1 (440 Hz, default), Spanish stereo (660 Hz), English commentary (880 Hz).
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=660:sample_rate=48000:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=880:sample_rate=48000:duration=3",
        "-filter_complex",
        "[1:a]pan=5.1|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0[s51];"
            + "[2:a]pan=stereo|c0=c0|c1=c0[es];[3:a]pan=stereo|c0=c0|c1=c0[cm]",
        "-map",
        "0:v",
        "-map",
        "[s51]",
        "-map",
        "[es]",
        "-map",
        "[cm]",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-metadata:s:a:0",
        "language=eng",
        "-metadata:s:a:1",
        "language=spa",
        "-metadata:s:a:2",
        "language=eng",
        "-disposition:a:0",
        "default",
        "-disposition:a:1",
        "0",
        "-disposition:a:2",
        "comment",
        feature.toString());
    // A broadcast delivery: four mono tracks, English 1+2 (left 440, right 550 Hz), French 3+4.
    Path broadcast = dir.resolve("broadcast.mov");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=550:sample_rate=48000:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=770:sample_rate=48000:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=990:sample_rate=48000:duration=3",
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-map",
        "2:a",
        "-map",
        "3:a",
        "-map",
        "4:a",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-metadata:s:a:0",
        "language=eng",
        "-metadata:s:a:1",
        "language=eng",
        "-metadata:s:a:2",
        "language=fra",
        "-metadata:s:a:3",
        "language=fra",
        broadcast.toString());
    catalogue =
        Files.writeString(
            dir.resolve("c.csv"),
            "asset_id,source_uri,audio\n"
                + "feature,"
                + feature
                + ",\n"
                + "broadcast,"
                + broadcast
                + ",\"1+2,3+4\"\n");
  }

  private static RunReport run(String format) {
    return TrackPackages.run(spark, work, catalogue, "tracks-" + format, format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts", "fmp4"})
  void everyAudioTrackIsARenditionInRfcValidGroupsWithTheTrackItCameFrom(String format)
      throws Exception {
    RunReport report = run(format);
    assertThat(report.assetsSucceeded()).as(report.summary(format)).isEqualTo(2);
    Path hosting = work.resolve("hosting-" + format);

    assertThat(TrackPackages.masterLines(hosting, "feature", "#EXT-X-MEDIA"))
        .containsExactly(
            media("aud", "en", "English", "YES", "YES", "2", "audio-stereo"),
            media("aud", "es", "Spanish", "NO", "YES", "2", "audio-stereo-2"),
            media("aud", "en", "English commentary", "NO", "NO", "2", "audio-stereo-3"),
            media("aud-51", "en", "English", "YES", "YES", "6", "audio-51"));
    // The one video rendition is listed once per audio group.
    assertThat(TrackPackages.masterLines(hosting, "feature", "#EXT-X-STREAM-INF"))
        .extracting(l -> l.substring(l.indexOf("AUDIO=")))
        .containsExactly("AUDIO=\"aud\"", "AUDIO=\"aud-51\"");
    assertThat(tone(hosting, "feature", "audio-stereo")[0]).isCloseTo(440, within(15.0));
    assertThat(tone(hosting, "feature", "audio-stereo-2")[0]).isCloseTo(660, within(15.0));
    assertThat(tone(hosting, "feature", "audio-stereo-3")[0]).isCloseTo(880, within(15.0));
    assertThat(tone(hosting, "feature", "audio-51")[0]).isCloseTo(440, within(15.0));

    assertThat(TrackPackages.masterLines(hosting, "broadcast", "#EXT-X-MEDIA"))
        .containsExactly(
            media("aud", "en", "English", "YES", "YES", "2", "audio-stereo"),
            media("aud", "fr", "French", "NO", "YES", "2", "audio-stereo-2"));
    double[] english = tone(hosting, "broadcast", "audio-stereo");
    double[] french = tone(hosting, "broadcast", "audio-stereo-2");
    assertThat(english[0]).as("left = track 1").isCloseTo(440, within(15.0));
    assertThat(english[1]).as("right = track 2").isCloseTo(550, within(15.0));
    assertThat(french[0]).isCloseTo(770, within(15.0));
    assertThat(french[1]).isCloseTo(990, within(15.0));

    TrackPackages.assertValid(hosting, "feature", "broadcast");
  }

  @Test
  void everyAudioRenditionIsNormalisedFromWhatItCarries() throws Exception {
    // The 5.1 track, the stereo ones and the mono pair joined as stereo: each measured by the
    // test's own meter (loudnorm's) over its published segments.
    RunReport report =
        TrackPackages.run(
            spark,
            work,
            catalogue,
            "tracks-loudness",
            "ts",
            "loudness",
            Map.of("hlsforge.audio.loudness-target", "-23"));
    assertThat(report.assetsSucceeded()).as(report.summary("loudness")).isEqualTo(2);
    ManifestStore store = new ManifestStore(spark, work.resolve("out-loudness").toUri().toString());
    List<RenditionRecord> audio =
        store.read(ManifestStore.RENDITIONS, RenditionRecord.class).collectAsList().stream()
            .map(RecordRows.of(RenditionRecord.class)::fromRow)
            .filter(r -> r.kind().equals("audio"))
            .toList();
    List<SegmentRecord> segments =
        store.read(ManifestStore.SEGMENTS, SegmentRecord.class).collectAsList().stream()
            .map(RecordRows.of(SegmentRecord.class)::fromRow)
            .toList();
    assertThat(audio).hasSize(6);
    for (RenditionRecord r : audio) {
      List<Path> files =
          segments.stream()
              .filter(s -> s.assetId().equals(r.assetId()) && s.rendition().equals(r.rendition()))
              .sorted(Comparator.comparingInt(SegmentRecord::segmentIndex))
              .map(s -> Path.of(URI.create(s.uri())))
              .toList();
      String what = r.assetId() + "/" + r.rendition();
      double measured = QualityOracle.integratedLoudness(work, files);
      assertThat(measured).as(what).isCloseTo(-23.0, within(1.0));
      assertThat(r.loudnessLufs()).as(what).isCloseTo(measured, within(0.5));
      assertThat(r.sourceLoudnessLufs()).as(what).isNotNull();
      assertThat(r.loudnessTargetLufs()).as(what).isEqualTo(-23.0);
    }
  }

  private static String media(
      String group,
      String language,
      String name,
      String isDefault,
      String autoselect,
      String channels,
      String rendition) {
    return "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\""
        + group
        + "\",LANGUAGE=\""
        + language
        + "\",NAME=\""
        + name
        + "\",DEFAULT="
        + isDefault
        + ",AUTOSELECT="
        + autoselect
        + ",CHANNELS=\""
        + channels
        + "\",URI=\""
        + rendition
        + "/index.m3u8\"";
  }

  /**
   * The frequency of each of the first two channels of a published audio rendition, decoded by
   * ffmpeg from its media playlist: zero crossings / 2 / seconds.
   */
  private static double[] tone(Path hosting, String asset, String rendition) throws Exception {
    String master = Files.readString(hosting.resolve(asset + "/master.m3u8"));
    String uri =
        master
            .lines()
            .filter(l -> l.contains("/" + rendition + "/index.m3u8\""))
            .map(l -> l.substring(l.indexOf("URI=\"") + 5, l.length() - 1))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no rendition " + rendition + " in\n" + master));
    Path raw = Files.createTempFile(work, rendition, ".pcm");
    TestMedia.ffmpeg(
        "-allowed_extensions",
        "ALL",
        "-i",
        hosting.resolve(asset).resolve(uri).toString(),
        "-ac",
        "2",
        "-ar",
        "48000",
        "-f",
        "s16le",
        raw.toString());
    byte[] pcm = Files.readAllBytes(raw);
    ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    int frames = pcm.length / 4;
    int[] crossings = new int[2];
    short[] last = new short[2];
    // Only the tone counts: the silence an encoder or the timeline pads with decodes as noise
    // around zero, whose crossings would read as a higher pitch. A crossing is a sign change
    // between samples above a quiet threshold, and the pitch is measured between the first and
    // the last of them.
    int quiet = 200;
    int[] first = {-1, -1};
    int[] lastAt = new int[2];
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < 2; c++) {
        short v = b.getShort();
        if (Math.abs(v) < quiet) {
          continue;
        }
        if (last[c] != 0 && (last[c] < 0) != (v < 0)) {
          crossings[c]++;
          first[c] = first[c] < 0 ? i : first[c];
          lastAt[c] = i;
        }
        last[c] = v;
      }
    }
    assertThat(frames / 48000.0).as(rendition + " decodes to about 3 s").isGreaterThan(2.5);
    double[] hz = new double[2];
    for (int c = 0; c < 2; c++) {
      hz[c] = (crossings[c] - 1) / 2.0 / ((lastAt[c] - first[c]) / 48000.0);
    }
    return hz;
  }
}
