package io.hlsforge.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hlsforge.jobs.RunReport;
import io.hlsforge.manifest.NoticeRecord;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Embedded text subtitles (MP4 mov_text; Matroska SubRip in two languages, one forced; a
 * bitmap-free source) and sidecar files (SRT named in the catalogue, WebVTT found next to the
 * source) become segmented WebVTT renditions. Expected cue texts and times are the ones written
 * into the test's own SRT/VTT files; the timestamp map is checked against ffprobe's start time of
 * the first video segment.
 */
class SubtitlePipelineTest extends SharedSparkSession {
  static Path work;
  static Path catalogue;

  private static final String ENGLISH_SRT =
      "1\n00:00:00,500 --> 00:00:01,500\nHello, <i>world</i>\n\n"
          + "2\n00:00:01,800 --> 00:00:02,600\nAcross the cut\n\n";
  private static final String SPANISH_SRT = "1\n00:00:00,700 --> 00:00:01,200\nHola\n\n";

  @BeforeAll
  static void makeSources(@TempDir Path dir) throws Exception {
    work = dir;
    Path en = Files.writeString(dir.resolve("en.srt"), ENGLISH_SRT);
    Path es = Files.writeString(dir.resolve("es.srt"), SPANISH_SRT);
    Path mp4 = dir.resolve("phone.mp4");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=3",
        "-i",
        en.toString(),
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-map",
        "2:s",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-c:s",
        "mov_text",
        "-metadata:s:s:0",
        "language=eng",
        mp4.toString());
    Path mkv = dir.resolve("film.mkv");
    // ... and a PGS (bitmap) track, which cannot become WebVTT: a notice, not a failure.
    Path signs = TestMedia.pgsSubtitles(dir.resolve("signs.sup"));
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=3",
        "-i",
        en.toString(),
        "-i",
        es.toString(),
        "-i",
        signs.toString(),
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-map",
        "2:s",
        "-map",
        "3:s",
        "-map",
        "4:s",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-c:s:0",
        "srt",
        "-c:s:1",
        "srt",
        "-c:s:2",
        "copy",
        "-metadata:s:s:0",
        "language=eng",
        "-metadata:s:s:1",
        "language=spa",
        "-metadata:s:s:2",
        "language=eng",
        "-disposition:s:1",
        "forced",
        mkv.toString());
    // A plain source with one sidecar named in the catalogue and one found next to it.
    Path plain = dir.resolve("media/talk.mp4");
    Files.createDirectories(plain.getParent());
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=3",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        plain.toString());
    Files.writeString(
        dir.resolve("media/talk.de.vtt"),
        "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 line:90%\nHallo\n");
    catalogue =
        Files.writeString(
            dir.resolve("c.csv"),
            "asset_id,source_uri,subtitles\n"
                + "phone,"
                + mp4
                + ",\n"
                + "film,"
                + mkv
                + ",\n"
                + "talk,media/talk.mp4,fr=es.srt\n");
  }

  private static RunReport run(String format) {
    return TrackPackages.run(spark, work, catalogue, "subs-" + format, format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts", "fmp4"})
  void textSubtitlesAndSidecarsBecomeSegmentedWebVttInOneSubtitlesGroup(String format)
      throws Exception {
    RunReport report = run(format);
    assertThat(report.assetsSucceeded()).as(report.summary(format)).isEqualTo(3);
    Path hosting = work.resolve("hosting-" + format);

    assertThat(TrackPackages.masterLines(hosting, "phone", "#EXT-X-MEDIA:TYPE=SUBTITLES"))
        .containsExactly(subs("en", "English", "YES", false, "subtitles-1"));
    assertThat(TrackPackages.masterLines(hosting, "film", "#EXT-X-MEDIA:TYPE=SUBTITLES"))
        .containsExactly(
            subs("en", "English", "YES", false, "subtitles-1"),
            subs("es", "Spanish (forced)", "YES", true, "subtitles-2"));
    assertThat(TrackPackages.masterLines(hosting, "talk", "#EXT-X-MEDIA:TYPE=SUBTITLES"))
        .containsExactly(
            subs("fr", "French", "YES", false, "subtitles-1"),
            subs("de", "German", "YES", false, "subtitles-2"));
    for (String asset : List.of("phone", "film", "talk")) {
      assertThat(
              Files.readString(hosting.resolve(asset + "/master.m3u8"))
                  .lines()
                  .filter(l -> l.startsWith("#EXT-X-STREAM-INF")))
          .allSatisfy(l -> assertThat(l).endsWith(",SUBTITLES=\"subs\""));
    }

    // Segment 0 covers [0, 2 s): both English cues overlap it; the second also segment 1.
    List<String> phone = segments(hosting, "phone", "subtitles-1");
    assertThat(phone).hasSize(2);
    String header = phone.get(0).substring(0, phone.get(0).indexOf("\n\n") + 2);
    assertThat(header).matches("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:\\d+,LOCAL:00:00:00.000\n\n");
    // Title time 0 is where the package's first video frame is (within one 25 fps frame).
    long mpegts = Long.parseLong(header.replaceAll("(?s).*MPEGTS:(\\d+),.*", "$1"));
    assertThat(Math.abs(mpegts - firstVideoPts90k(hosting, "phone"))).isLessThanOrEqualTo(3600);
    assertThat(phone.get(0))
        .isEqualTo(
            header
                + "00:00:00.500 --> 00:00:01.500\nHello, <i>world</i>\n\n"
                + "00:00:01.800 --> 00:00:02.600\nAcross the cut\n");
    assertThat(phone.get(1)).isEqualTo(header + "00:00:01.800 --> 00:00:02.600\nAcross the cut\n");
    assertThat(segments(hosting, "film", "subtitles-2").get(0))
        .endsWith("\n00:00:00.700 --> 00:00:01.200\nHola\n");
    // A WebVTT sidecar keeps its cue identifier and settings.
    assertThat(segments(hosting, "talk", "subtitles-2").get(0))
        .endsWith("\nintro\n00:00:01.000 --> 00:00:02.000 line:90%\nHallo\n");

    TrackPackages.assertValid(hosting, "phone", "film", "talk");

    // The film's third subtitle stream is the PGS one made above: left out, and the run says so.
    assertThat(report.notices())
        .extracting(NoticeRecord::assetId, NoticeRecord::stage, NoticeRecord::kind)
        .containsExactly(tuple("film", "probe", "subtitles-not-converted"));
    assertThat(report.notices().get(0).message())
        .isEqualTo(
            "subtitle stream 0:s:2 (hdmv_pgs_subtitle, eng) is not text and cannot become WebVTT:"
                + " packaged without it");
    assertThat(report.summary(format))
        .contains(
            "  notices (assets packaged without something the source carried):\n"
                + "    film [subtitles-not-converted] subtitle stream 0:s:2 (hdmv_pgs_subtitle, eng)");
    assertThat(report.failures()).isEmpty();
  }

  private static String subs(
      String language, String name, String autoselect, boolean forced, String rendition) {
    return "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\""
        + language
        + "\",NAME=\""
        + name
        + "\",DEFAULT=NO,AUTOSELECT="
        + autoselect
        + (forced ? ",FORCED=YES" : "")
        + ",URI=\""
        + rendition
        + "/index.m3u8\"";
  }

  private static Path encodingDir(Path hosting, String asset) throws Exception {
    String master = Files.readString(hosting.resolve(asset + "/master.m3u8"));
    String any = master.lines().filter(l -> l.endsWith("index.m3u8")).findFirst().orElseThrow();
    return hosting.resolve(asset).resolve(any.substring(0, any.indexOf('/')));
  }

  /** The segments of a subtitle rendition, in playlist order, as text. */
  private static List<String> segments(Path hosting, String asset, String rendition)
      throws Exception {
    Path dir = encodingDir(hosting, asset).resolve(rendition);
    return Files.readString(dir.resolve("index.m3u8"))
        .lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(
            l -> {
              try {
                return Files.readString(dir.resolve(l));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** ffprobe's start time of the first video segment, as a 90 kHz timestamp. */
  private static long firstVideoPts90k(Path hosting, String asset) throws Exception {
    Path video = encodingDir(hosting, asset).resolve("180p");
    String first =
        Files.readString(video.resolve("index.m3u8"))
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .findFirst()
            .orElseThrow();
    Path out = work.resolve("probe-" + asset + ".txt");
    Path segment = video.resolve(first);
    String playlist = Files.readString(video.resolve("index.m3u8"));
    if (playlist.contains("#EXT-X-MAP:URI=\"")) { // fMP4: a fragment reads with its init segment
      String init = playlist.replaceAll("(?s).*#EXT-X-MAP:URI=\"([^\"]+)\".*", "$1");
      Path joined = work.resolve("joined-" + asset + ".mp4");
      Files.write(joined, Files.readAllBytes(video.resolve(init)));
      Files.write(joined, Files.readAllBytes(segment), StandardOpenOption.APPEND);
      segment = joined;
    }
    List<String> cmd =
        List.of(
            FfmpegBinaries.ffprobe(),
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=start_time",
            "-of",
            "csv=p=0",
            "-o",
            out.toString(),
            segment.toString());
    ChildProcess.Result r = ChildProcess.run(cmd, Duration.ofMinutes(1), work);
    assertThat(r.succeeded()).as(r.stderrTail()).isTrue();
    return Math.round(
        Double.parseDouble(Files.readString(out).strip().lines().findFirst().orElseThrow())
            * 90_000);
  }
}
