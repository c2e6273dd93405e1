package io.hlsforge.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.tracks.TrackPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources whose audio does not line up with their picture, packaged whole and in chunks (TS) and as
 * fMP4: every media playlist starts where the picture starts and lasts as long as it. Expected
 * values come from the ffmpeg commands that made the sources (each picture is 5 s of 25 fps) and
 * are checked with ffprobe (stream start times of the joined renditions), the playlists' EXTINF
 * sums and ffmpeg's silencedetect (where silence was added).
 */
class AlignedTimelinePipelineTest extends SharedSparkSession {
  private static final double PICTURE = 5.0;
  private static final double FRAME = 1 / 25.0;

  @TempDir static Path work;
  static Path catalogue;

  @BeforeAll
  static void makeSources() throws Exception {
    // Audio starting 0.8 s after the picture (a phone recorder's edit list does the same).
    Path late = work.resolve("late.mp4");
    av(late, List.of("-itsoffset", "0.8"), 5, 5);
    // Audio starting 0.6 s before the picture: the title starts with the picture.
    Path early = work.resolve("early.mp4");
    TestMedia.ffmpeg(
        "-itsoffset",
        "0.6",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25:duration=5",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=5.6",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        early.toString());
    // Audio outlasting the picture by 1.5 s, and ending 1.5 s before it.
    Path longer = work.resolve("longer.mp4");
    av(longer, List.of(), 5, 6.5);
    Path shorter = work.resolve("shorter.mp4");
    av(shorter, List.of(), 5, 3.5);
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    for (Path p : List.of(late, early, longer, shorter)) {
      csv.append(p.getFileName().toString().replace(".mp4", "")).append(',').append(p).append('\n');
    }
    catalogue = Files.writeString(work.resolve("c.csv"), csv.toString());
  }

  private static void av(Path out, List<String> audioInputOptions, double video, double audio)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=" + video));
    args.addAll(audioInputOptions);
    args.addAll(
        List.of(
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=48000:duration=" + audio,
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            out.toString()));
    TestMedia.ffmpeg(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @CsvSource({"ts,ts,0", "ts-chunked,ts,1", "fmp4,fmp4,0"})
  void everyPlaylistStartsWithThePictureAndLastsAsLong(String name, String format, int chunked)
      throws Exception {
    Map<String, String> extra =
        chunked == 1
            ? Map.of(
                "hlsforge.chunking.min-title-seconds", "0",
                "hlsforge.chunking.segments-per-chunk", "1")
            : Map.of();
    RunReport report =
        TrackPackages.run(spark, work, catalogue, "timeline-" + name, format, name, extra);
    assertThat(report.assetsSucceeded()).as(report.summary(name)).isEqualTo(4);
    Path hosting = work.resolve("hosting-" + name);
    for (String asset : List.of("late", "early", "longer", "shorter")) {
      Path encoding = encodingDir(hosting, asset);
      Path video = Ffprobe.joined(encoding.resolve("180p"), work.resolve(name + asset + ".v"));
      Path audio =
          Ffprobe.joined(encoding.resolve("audio-stereo"), work.resolve(name + asset + ".a"));
      double videoStart = start(video);
      double audioStart = start(audio);
      assertThat(audioStart)
          .as("%s %s audio start vs video", name, asset)
          .isCloseTo(videoStart, within(FRAME));
      assertThat(Ffprobe.playlistSeconds(encoding.resolve("180p")))
          .as("%s %s picture", name, asset)
          .isCloseTo(PICTURE, within(FRAME));
      assertThat(Ffprobe.playlistSeconds(encoding.resolve("audio-stereo")))
          .as("%s %s audio lasts as long as the picture", name, asset)
          .isCloseTo(PICTURE, within(FRAME + 0.03));
    }
    // Where silence was added: the late start's first 0.8 s, the short track's last 1.5 s.
    assertThat(silences(hosting, "late", name))
        .hasSize(1)
        .first()
        .satisfies(
            s -> {
              assertThat(s[0]).isCloseTo(0, within(0.05));
              assertThat(s[1]).isCloseTo(0.8, within(0.05));
            });
    assertThat(silences(hosting, "shorter", name))
        .hasSize(1)
        .first()
        .satisfies(
            s -> {
              assertThat(s[0]).isCloseTo(3.5, within(0.05));
              assertThat(s[1]).isCloseTo(PICTURE, within(0.05));
            });
    assertThat(silences(hosting, "longer", name)).isEmpty();
    assertThat(silences(hosting, "early", name)).isEmpty();
    TrackPackages.assertValid(hosting, "late", "early", "longer", "shorter");
  }

  /** The earliest stream start ffprobe reports for a joined rendition. */
  private static double start(Path joined) throws Exception {
    JsonNode s = Ffprobe.streams(joined).path("streams").get(0);
    return s.path("start_time").asDouble();
  }

  /**
   * {start, end} of each silence in the audio rendition, seconds from its first sample (ffmpeg's
   * filters see the joined file's timeline from 0).
   */
  private static List<double[]> silences(Path hosting, String asset, String name) throws Exception {
    Path audio = work.resolve(name + asset + ".a");
    String metadata = Ffprobe.frameMetadata(audio, "a", "silencedetect=noise=-60dB:duration=0.2");
    List<Double> starts = Ffprobe.values(metadata, "lavfi.silence_start");
    List<Double> ends = Ffprobe.values(metadata, "lavfi.silence_end");
    double length = Ffprobe.playlistSeconds(encodingDir(hosting, asset).resolve("audio-stereo"));
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      // A silence running to the end has no silence_end: it ends where the audio does.
      out.add(new double[] {starts.get(i), i < ends.size() ? ends.get(i) : length});
    }
    return out;
  }

  private static Path encodingDir(Path hosting, String asset) throws Exception {
    String master = Files.readString(hosting.resolve(asset + "/master.m3u8"));
    String any = master.lines().filter(l -> l.endsWith("index.m3u8")).findFirst().orElseThrow();
    return hosting.resolve(asset).resolve(any.substring(0, any.indexOf('/')));
  }
}
