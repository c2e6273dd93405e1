package io.hlsforge.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.pack.AssetPackager;
import io.hlsforge.pack.PackageOutcome;
import io.hlsforge.pack.TestPublishers;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.testkit.TestMedia;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real package made by the packager validates clean; copies of it broken on purpose make exactly
 * the expected rules fire.
 */
class HlsValidatorTest {
  @TempDir static Path work;
  static Path good;
  static Path source;
  static ProbeResult sourceFacts;
  static final HlsValidator VALIDATOR =
      new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())));

  @BeforeAll
  static void packageOnce() throws Exception {
    HlsforgeSettings settings =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of(
                    "hlsforge.segment-seconds",
                    "2",
                    "hlsforge.video.preset",
                    "ultrafast",
                    "hlsforge.ladder",
                    "[{name = 360p, height = 360, video-kbps = 600}, {name = 180p, height = 180, video-kbps = 200}]"),
                Optional.empty(),
                Optional.empty()));
    source = SampleMedia.testCard(work.resolve("src.mp4"), 640, 360, "25", 5);
    sourceFacts = new MediaProber(Duration.ofMinutes(1)).probe(source);
    Path output = work.resolve("output");
    good = work.resolve("good");
    PackageOutcome p =
        new AssetPackager(
                settings, new HadoopStorage(new Configuration()), output.toUri().toString())
            .packageAsset(
                "r",
                "clip",
                source.toUri().toString(),
                sourceFacts,
                LadderPlanner.plan(sourceFacts, settings),
                "e1");
    TestPublishers.strict(new HadoopStorage(new Configuration()), good.toUri().toString())
        .publish("clip", "e1", p.renditions(), p.segments());
  }

  private static ValidationReport validate(Path master) {
    return VALIDATOR.validate(master.toUri().toString());
  }

  /** A fresh copy of the good package to break. */
  private static Path copy(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(good)) {
      for (Path f : files.toList()) {
        Path target = dir.resolve(good.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return dir.resolve("clip/master.m3u8");
  }

  private static void rewrite(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).as("test setup: %s contains %s", file, from).contains(from);
    Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }

  @Test
  void thePackagersOutputHasNoErrorsAndNoWarningsOtherThanTheTargetDuration() {
    ValidationReport r =
        VALIDATOR.validate(
            good.resolve("clip/master.m3u8").toUri().toString(), Optional.of(sourceFacts));
    assertThat(r.errors()).as(r.toText()).isEmpty();
    // The tests use 2 s segments to stay small; Apple recommends 6 s, which is the default.
    assertThat(r.warnings()).allSatisfy(w -> assertThat(w.rule()).isEqualTo(Rule.A3));
    assertThat(r.playlists())
        .isEqualTo(1 + 3 + 2); // master, 2 video + 1 audio media playlists, 2 I-frame playlists
    assertThat(r.segments()).isEqualTo(3 * 3);
  }

  @Test
  void anOversizedSegmentBreaksTheTargetDurationRules(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    rewrite(dir.resolve("clip/e1/360p/index.m3u8"), "#EXTINF:2.000000,", "#EXTINF:2.600000,");
    ValidationReport r = validate(master);
    assertThat(r.has(Rule.A1)).as(r.toText()).isTrue();
    assertThat(r.has(Rule.A2)).isTrue();
    assertThat(r.has(Rule.A8)).as("EXTINF no longer matches the media").isTrue();
    assertThat(r.has(Rule.A11)).as("boundaries now differ from the 180p rendition").isTrue();
  }

  @Test
  void aMissingSegmentIsReported(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    Files.delete(dir.resolve("clip/e1/180p/segment_00001.ts"));
    ValidationReport r = validate(master);
    assertThat(r.errors())
        .as(r.toText())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.B0);
              assertThat(f.where()).endsWith("180p/segment_00001.ts");
              assertThat(f.message()).contains("cannot read segment 1");
            });
  }

  @Test
  void aWrongResolutionAndFrameRateAreCaughtFromTheBytesAndByFfprobe(@TempDir Path dir)
      throws Exception {
    Path master = copy(dir);
    // The source is 640x360 at 25 fps (packageOnce): the top rung is not rescaled.
    rewrite(master, "RESOLUTION=640x360,FRAME-RATE=25.000", "RESOLUTION=640x480,FRAME-RATE=30.000");
    for (HlsValidator.PictureCheck check : HlsValidator.PictureCheck.values()) {
      ValidationReport r =
          new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())), check)
              .validate(master.toUri().toString());
      assertThat(r.errors())
          .as(check + ": " + r.toText())
          .extracting(Finding::rule, Finding::message)
          .containsExactlyInAnyOrder(
              tuple(Rule.C2, "RESOLUTION=640x480 but the video is 640x360"),
              tuple(Rule.C2, "FRAME-RATE=30.000 but the video runs at 25.000 fps"));
    }
  }

  @Test
  void theBitstreamAndFfprobeReadTheSamePictureAndOnlyTheCrossCheckAsksFfprobe() {
    String root = good.resolve("clip/master.m3u8").toUri().toString();
    for (HlsValidator.PictureCheck check : HlsValidator.PictureCheck.values()) {
      PresentationView view =
          new PresentationLoader(
                  new StorageResourceReader(new HadoopStorage(new Configuration())),
                  new Findings(),
                  check)
              .load(root, Optional.empty())
              .orElseThrow();
      Picture.Reader expected =
          check == HlsValidator.PictureCheck.BITSTREAM
              ? Picture.Reader.BITSTREAM
              : Picture.Reader.FFPROBE;
      // 640x360 and 320x180 at the source's 25 fps: the ladder of packageOnce, worked out by hand.
      assertThat(view.mediaPlaylists())
          .as(check.toString())
          .filteredOn(MediaPlaylistView::hasVideo)
          .extracting(m -> m.picture().orElseThrow())
          .containsExactlyInAnyOrder(
              new Picture(640, 360, 25.0, expected), new Picture(320, 180, 25.0, expected));
    }
  }

  @Test
  void wrongCodecsAreReported(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    String text = Files.readString(master);
    String declared =
        text.substring(
            text.indexOf("CODECS=\"") + 8, text.indexOf('"', text.indexOf("CODECS=\"") + 8));
    rewrite(master, "CODECS=\"" + declared + "\"", "CODECS=\"avc1.4d401e,mp4a.40.5\"");
    ValidationReport r = validate(master);
    assertThat(r.errors())
        .as(r.toText())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.C1);
              assertThat(f.message()).contains("avc1.4d401e,mp4a.40.5").contains("mp4a.40.2");
            });
  }

  @Test
  void aBandwidthBelowThePeakIsReported(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    String text = Files.readString(master);
    String bandwidth =
        text.substring(
            text.indexOf("BANDWIDTH=") + 10, text.indexOf(',', text.indexOf("BANDWIDTH=")));
    rewrite(
        master, "BANDWIDTH=" + bandwidth + ",", "BANDWIDTH=" + Long.parseLong(bandwidth) / 2 + ",");
    ValidationReport r = validate(master);
    assertThat(r.errors()).as(r.toText()).extracting(Finding::rule).containsExactly(Rule.C3);
  }

  @Test
  void anInflatedBandwidthIsAWarning(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    String text = Files.readString(master);
    String bandwidth =
        text.substring(
            text.indexOf("BANDWIDTH=") + 10, text.indexOf(',', text.indexOf("BANDWIDTH=")));
    rewrite(
        master, "BANDWIDTH=" + bandwidth + ",", "BANDWIDTH=" + Long.parseLong(bandwidth) * 2 + ",");
    ValidationReport r = validate(master);
    assertThat(r.errors()).as(r.toText()).isEmpty();
    assertThat(r.warnings()).extracting(Finding::rule).contains(Rule.C4);
  }

  @Test
  void segmentsThatDoNotStartWithAKeyframeAreReported(@TempDir Path dir) throws Exception {
    // ffmpeg's split_by_time cuts every second whatever the GOP: most segments start mid-GOP.
    Path playlist = dir.resolve("cut.m3u8");
    TestMedia.ffmpeg(
        "-i",
        source.toString(),
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-g",
        "250",
        "-an",
        "-f",
        "hls",
        "-hls_time",
        "1",
        "-hls_flags",
        "split_by_time",
        "-hls_playlist_type",
        "vod",
        playlist.toString());
    ValidationReport report = validate(playlist);
    assertThat(report.errors())
        .as(report.toText())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.A4);
              assertThat(f.message()).contains("does not start with an IDR");
            });
    assertThat(report.has(Rule.A5)).as("one IDR in 5 s").isTrue();
    assertThat(report.has(Rule.B4)).as("ffmpeg did not claim independent segments").isTrue();
  }

  @Test
  void structuralProblemsAreReported(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    rewrite(dir.resolve("clip/e1/180p/index.m3u8"), "#EXT-X-ENDLIST\n", "");
    rewrite(master, "DEFAULT=YES,AUTOSELECT=YES", "DEFAULT=YES,AUTOSELECT=NO");
    String text = Files.readString(master);
    Files.writeString(
        master,
        text.lines()
            .filter(l -> !l.startsWith("#EXT-X-I-FRAME-STREAM-INF"))
            .reduce("", (a, b) -> a + b + "\n"));
    ValidationReport r = validate(master);
    assertThat(r.errors())
        .as(r.toText())
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder(Rule.B1, Rule.C12, Rule.C13);
  }

  @Test
  void sourceChecksCatchATruncatedPackage(@TempDir Path dir) throws Exception {
    Path master = copy(dir);
    for (String rendition : List.of("360p", "180p", "audio-stereo")) {
      Path p = dir.resolve("clip/e1/" + rendition + "/index.m3u8");
      String text = Files.readString(p);
      int last = text.lastIndexOf("#EXTINF");
      Files.writeString(p, text.substring(0, last) + "#EXT-X-ENDLIST\n");
    }
    ValidationReport r = VALIDATOR.validate(master.toUri().toString(), Optional.of(sourceFacts));
    assertThat(r.errors()).as(r.toText()).extracting(Finding::rule).contains(Rule.S1);
  }

  @Test
  void validatesOverHttp() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          Path f = good.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
          if (!f.startsWith(good) || !Files.isRegularFile(f)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
          }
          byte[] body = Files.readAllBytes(f);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThat(VALIDATOR.validate(base + "/clip/master.m3u8").errors()).isEmpty();
      ValidationReport missing = VALIDATOR.validate(base + "/nope/master.m3u8");
      assertThat(missing.errors())
          .singleElement()
          .satisfies(f -> assertThat(f.message()).contains("HTTP 404"));
    } finally {
      server.stop(0);
    }
  }
}
