package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.media.SampleMedia;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.SharedSparkSession;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.SerializableHadoopConf;
import io.hlsforge.testkit.TestMedia;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.Rule;
import io.hlsforge.validate.StorageResourceReader;
import io.hlsforge.validate.ValidationReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients on real packages: the pipeline publishes video+audio, an MP3, fMP4, and each odd
 * source kind (120 fps, interlaced, variable frame rate, anamorphic, rotated, odd size, 5.1, HDR10
 * and HLG, audio starting late, 64x36 and 3840x2160 pictures, a joined TS recording); then every
 * package is parsed by videojs' m3u8-parser with zero warnings, validated over HTTP with zero
 * errors, and every rendition is played to its end by two independent players in Debian's headless
 * Chromium, hls.js (player/index.html) and Shaka Player (player/tests/shaka.html), with no error
 * event from either; the audio and subtitle languages each player lists are compared with what the
 * master declares. Multi-track sources ({@link PlaybackTrackSources}: two audio languages with
 * mov_text, Matroska subtitles in two languages, a commentary track, mono tracks, sidecar SRT and
 * VTT, 5.1) are packaged as TS and fMP4, and each player's audio languages, text tracks and first
 * cue are compared with what the source carried.
 */
class PlayerPlaybackIT extends SharedSparkSession {
  private static final Path PLAYER = BrowserHarness.PLAYER;
  @TempDir static Path work;
  static HttpServer server;

  /** hosting directory name → published asset ids */
  static final Map<String, List<String>> PUBLISHED = new LinkedHashMap<>();

  @BeforeAll
  static void publishAndServe() throws Exception {
    Path media = Files.createDirectories(work.resolve("media"));
    Map<String, Path> sources = new LinkedHashMap<>();
    sources.put("clip", SampleMedia.testCard(media.resolve("clip.mp4"), 480, 270, "30", 3));
    sources.put("talk", SampleMedia.mp3(media.resolve("talk.mp3"), 3));
    sources.put("fps120", SampleMedia.testCard(media.resolve("fps120.mp4"), 320, 180, "120", 3));
    sources.put(
        "interlaced",
        TestMedia.video(
            media.resolve("interlaced.mp4"),
            320,
            240,
            "25",
            3,
            2,
            "setfield=tff",
            List.of("-flags", "+ildct+ilme", "-x264-params", "tff=1")));
    sources.put(
        "vfr",
        TestMedia.video(
            media.resolve("vfr.mp4"),
            320,
            180,
            "30",
            3,
            2,
            "select='lt(mod(n\\,10)\\,7)'",
            List.of("-fps_mode", "vfr")));
    sources.put(
        "anamorphic",
        TestMedia.video(media.resolve("pal.mp4"), 720, 576, "25", 3, 2, "setsar=64/45", List.of()));
    sources.put(
        "rotated",
        TestMedia.rotated(
            SampleMedia.testCard(media.resolve("land.mp4"), 320, 180, "30", 3),
            media.resolve("rot.mp4"),
            90));
    sources.put("odd", SampleMedia.testCard(media.resolve("odd.mp4"), 321, 241, "24", 3));
    sources.put(
        "surround",
        TestMedia.video(media.resolve("surround.mp4"), 320, 180, "25", 3, 6, null, List.of()));
    // HDR10 and HLG masters (tone-mapped to SDR), audio that starts 0.8 s after the picture, the
    // smallest and a large picture, and two TS recordings joined (a 600 s timestamp jump).
    sources.put(
        "hdr10", TestMedia.hdrPattern(media.resolve("hdr10.mp4"), "smpte2084", "480x270", 3));
    sources.put(
        "hlg", TestMedia.hdrPattern(media.resolve("hlg.mp4"), "arib-std-b67", "480x270", 3));
    Path late = media.resolve("late.mp4");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=480x270:rate=25:duration=3",
        "-itsoffset",
        "0.8",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=2.2",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        late.toString());
    sources.put("late", late);
    sources.put("tiny", SampleMedia.testCard(media.resolve("tiny.mp4"), 64, 36, "25", 3));
    sources.put("uhd", SampleMedia.testCard(media.resolve("uhd.mp4"), 3840, 2160, "25", 3));
    Path first = media.resolve("first.ts");
    Path second = media.resolve("second.ts");
    for (Path ts : List.of(first, second)) {
      TestMedia.ffmpeg(
          "-f",
          "lavfi",
          "-i",
          "testsrc2=size=480x270:rate=25:duration=2",
          "-f",
          "lavfi",
          "-i",
          "sine=frequency=440:sample_rate=48000:duration=2",
          "-c:v",
          "libx264",
          "-preset",
          "veryfast",
          "-pix_fmt",
          "yuv420p",
          "-c:a",
          "aac",
          "-output_ts_offset",
          ts == first ? "0" : "600",
          "-f",
          "mpegts",
          ts.toString());
    }
    Path joined = media.resolve("joined.ts");
    Files.write(joined, Files.readAllBytes(first));
    Files.write(joined, Files.readAllBytes(second), StandardOpenOption.APPEND);
    sources.put("joined", joined);
    StringBuilder csv = new StringBuilder("asset_id,source_uri\n");
    sources.forEach((id, p) -> csv.append(id).append(',').append(p).append('\n'));
    Path catalogue = Files.writeString(work.resolve("c.csv"), csv.toString());
    Path clipOnly =
        Files.writeString(
            work.resolve("clip.csv"), "asset_id,source_uri\nclip," + sources.get("clip") + "\n");

    publish("ts", catalogue, "ts", sources.size());
    publish("fmp4", clipOnly, "fmp4", 1);
    publish(
        "fmp4-colour",
        Files.writeString(
            work.resolve("colour.csv"),
            "asset_id,source_uri\nhdr10,"
                + sources.get("hdr10")
                + "\nlate,"
                + sources.get("late")
                + "\n"),
        "fmp4",
        2);
    publish("ts-single", clipOnly, "ts", 1, "single-file");
    publish("fmp4-single", clipOnly, "fmp4", 1, "single-file");
    // A title encoded as 4 chunks of 2 s (video) plus one audio pass.
    Path longer = SampleMedia.testCard(media.resolve("longer.mp4"), 480, 270, "30", 8);
    publish(
        "ts-chunked",
        Files.writeString(
            work.resolve("longer.csv"), "asset_id,source_uri\nlonger," + longer + "\n"),
        "ts",
        1,
        "segments",
        Map.of(
            "hlsforge.chunking.min-title-seconds",
            "0",
            "hlsforge.chunking.segments-per-chunk",
            "1"));
    // Every kind of track a catalogue holds, packaged both ways with one picture rung (the
    // variants multiply by the audio renditions; one rung keeps the playing short).
    Path tracks = PlaybackTrackSources.generate(work.resolve("tracks"));
    Map<String, String> oneRung =
        Map.of("hlsforge.ladder", "[{name = 180p, height = 180, video-kbps = 250}]");
    int carried = PlaybackTrackSources.CARRIED.size();
    publish("ts-tracks", tracks, "ts", carried, "segments", oneRung);
    publish("fmp4-tracks", tracks, "fmp4", carried, "segments", oneRung);
    server = BrowserHarness.serve(Map.of("/player/", PLAYER, "/hosting/", work.resolve("hosting")));
  }

  private static void publish(String name, Path catalogue, String format, int expected) {
    publish(name, catalogue, format, expected, "segments");
  }

  private static void publish(
      String name, Path catalogue, String format, int expected, String layout) {
    publish(name, catalogue, format, expected, layout, Map.of());
  }

  private static void publish(
      String name,
      Path catalogue,
      String format,
      int expected,
      String layout,
      Map<String, String> extra) {
    // The default preset (veryfast, High profile): what ships. (ultrafast's Constrained Baseline at
    // 320x180 made Chromium stall once at the first frame; see the notes in docs/conformance.md.)
    Map<String, String> keys =
        new LinkedHashMap<>(
            Map.of(
                "hlsforge.segment-seconds",
                "2",
                "hlsforge.segment-format",
                format,
                "hlsforge.layout",
                layout,
                "hlsforge.ladder",
                "[{name = 270p, height = 270, video-kbps = 500}, {name = 180p, height = 180, video-kbps = 250}]"));
    keys.putAll(extra);
    HlsforgeSettings settings =
        HlsforgeSettings.from(ConfigLoader.load(keys, Optional.empty(), Optional.empty()));
    RunContext run =
        new RunContext(
            "play-" + name,
            "2026-11-25",
            catalogue.toUri().toString(),
            work.resolve("out-" + name).toUri().toString(),
            work.resolve("hosting/" + name).toUri().toString(),
            settings,
            new SerializableHadoopConf(
                new Configuration(spark.sparkContext().hadoopConfiguration())));
    RunReport report = new Pipeline(run, spark).execute(Pipeline.Stages.ALL);
    assertThat(report.assetsSucceeded()).as(report.summary(name)).isEqualTo(expected);
    List<String> assets = new ArrayList<>();
    try (var dirs = Files.list(work.resolve("hosting/" + name))) {
      dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .forEach(assets::add);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    PUBLISHED.put(name, assets);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * What a master declares, read from its text by the test itself: the oracle the players' own
   * lists are compared with.
   *
   * @param streamInfs EXT-X-STREAM-INF lines (hls.js makes one level of each)
   * @param pictureAudioPairs each STREAM-INF times the audio renditions of its AUDIO group (or once
   *     without one): Shaka Player makes one variant of each
   * @param audioLanguages LANGUAGE of every EXT-X-MEDIA TYPE=AUDIO, sorted
   * @param subtitleLanguages LANGUAGE of every EXT-X-MEDIA TYPE=SUBTITLES, sorted
   * @param levelAudioLanguages per STREAM-INF in ascending BANDWIDTH (hls.js's level order), the
   *     sorted LANGUAGEs of its AUDIO group (hls.js lists the current level's group only)
   */
  private record Declared(
      int streamInfs,
      int pictureAudioPairs,
      List<String> audioLanguages,
      List<String> subtitleLanguages,
      List<List<String>> levelAudioLanguages) {
    static Declared of(String master) {
      Map<String, Integer> audioPerGroup = new HashMap<>();
      Map<String, List<String>> groupLanguages = new HashMap<>();
      List<long[]> levels = new ArrayList<>(); // {bandwidth, index into levelGroups}
      List<String> levelGroups = new ArrayList<>();
      List<String> audio = new ArrayList<>();
      List<String> subtitles = new ArrayList<>();
      int streamInfs = 0;
      int pairs = 0;
      List<String> lines = master.lines().toList();
      for (String l : lines) {
        if (l.startsWith("#EXT-X-MEDIA:") && "AUDIO".equals(attribute(l, "TYPE"))) {
          audio.add(attribute(l, "LANGUAGE"));
          audioPerGroup.merge(attribute(l, "GROUP-ID"), 1, Integer::sum);
          groupLanguages
              .computeIfAbsent(attribute(l, "GROUP-ID"), g -> new ArrayList<>())
              .add(attribute(l, "LANGUAGE"));
        } else if (l.startsWith("#EXT-X-MEDIA:") && "SUBTITLES".equals(attribute(l, "TYPE"))) {
          subtitles.add(attribute(l, "LANGUAGE"));
        }
      }
      for (String l : lines) {
        if (l.startsWith("#EXT-X-STREAM-INF:")) {
          streamInfs++;
          String group = attribute(l, "AUDIO");
          pairs += group == null ? 1 : audioPerGroup.getOrDefault(group, 1);
          levels.add(new long[] {Long.parseLong(attribute(l, "BANDWIDTH")), levelGroups.size()});
          levelGroups.add(group);
        }
      }
      levels.sort((a, b) -> Long.compare(a[0], b[0]));
      List<List<String>> levelAudio = new ArrayList<>();
      for (long[] level : levels) {
        List<String> languages =
            new ArrayList<>(
                groupLanguages.getOrDefault(levelGroups.get((int) level[1]), List.of()));
        Collections.sort(languages);
        levelAudio.add(languages);
      }
      Collections.sort(audio);
      Collections.sort(subtitles);
      return new Declared(streamInfs, pairs, audio, subtitles, levelAudio);
    }

    /** An attribute's value (quotes removed), or null. */
    private static String attribute(String tagLine, String name) {
      Matcher m =
          Pattern.compile("[:,]" + Pattern.quote(name) + "=(\"[^\"]*\"|[^,]*)").matcher(tagLine);
      return m.find() ? m.group(1).replace("\"", "") : null;
    }
  }

  private static Declared declared(String hosting, String asset) throws IOException {
    return Declared.of(
        Files.readString(work.resolve("hosting/" + hosting + "/" + asset + "/master.m3u8")));
  }

  /** Both players' final states: played once, in one Chromium launch, for both playback tests. */
  private static List<JsonNode> hlsJsResults;

  private static List<JsonNode> shakaResults;

  private static synchronized void playInBothPlayers() throws Exception {
    if (hlsJsResults != null) {
      return;
    }
    List<String> hlsJs = new ArrayList<>();
    List<String> shaka = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : PUBLISHED.entrySet()) {
      for (String asset : e.getValue()) {
        // A subtitled package is played with the subtitles whose first cue is checked on.
        String src =
            "/hosting/"
                + e.getKey()
                + "/"
                + asset
                + "/master.m3u8"
                + carried(e.getKey(), asset).map(c -> "&subtitles=" + c.shownLanguage()).orElse("");
        Declared d = declared(e.getKey(), asset);
        for (int level = 0; level < d.streamInfs(); level++) {
          hlsJs.add(base() + "/player/index.html?level=" + level + "&src=" + src);
        }
        for (int variant = 0; variant < d.pictureAudioPairs(); variant++) {
          shaka.add(base() + "/player/tests/shaka.html?variant=" + variant + "&src=" + src);
        }
      }
    }
    List<String> urls = new ArrayList<>(hlsJs);
    urls.addAll(shaka);
    List<JsonNode> results = new ArrayList<>();
    BrowserHarness.play(urls).forEach(results::add);
    hlsJsResults = results.subList(0, hlsJs.size());
    shakaResults = results.subList(hlsJs.size(), results.size());
  }

  /** What the master a player URL played declares. */
  private static Declared declaredFor(String url) throws IOException {
    String[] path = url.substring(url.indexOf("src=/hosting/") + 13).split("/");
    return declared(path[0], path[1]);
  }

  /** The rendition index (level= or variant=) a player URL forced. */
  private static int forcedIndex(String url, String parameter) {
    int from = url.indexOf(parameter + "=") + parameter.length() + 1;
    return Integer.parseInt(url.substring(from, url.indexOf('&', from)));
  }

  private static List<String> listed(JsonNode tracks) {
    List<String> languages = new ArrayList<>();
    tracks.forEach(t -> languages.add(t.path("language").asText()));
    Collections.sort(languages);
    return languages;
  }

  /** What both players must show for every forced rendition, whichever player it is. */
  private static void assertPlayedToTheEndAlone(String player, JsonNode r, int index) {
    String url = r.path("url").asText();
    assertThat(r.path("errors")).as("%s error events for %s: %s", player, url, r).isEmpty();
    assertThat(r.path("fatal").isNull()).as(url).isTrue();
    assertThat(r.path("ended").asBoolean()).as("played to the end: %s", r).isTrue();
    assertThat(r.path("currentTime").asDouble()).as(url).isGreaterThan(2.5);
    assertThat(r.path("levelsPlayed").toString())
        .as("only the requested rendition played: %s", url)
        .isEqualTo("[" + index + "]");
    boolean audioOnly = url.contains("/talk/");
    assertThat(r.path("videoWidth").asInt() > 0)
        .as("picture on screen: %s", url)
        .isEqualTo(!audioOnly);
  }

  @Test
  void everyPackageValidatesOverHttpWithoutErrors() {
    HlsValidator validator =
        new HlsValidator(new StorageResourceReader(new HadoopStorage(new Configuration())));
    PUBLISHED.forEach(
        (hosting, assets) -> {
          for (String asset : assets) {
            ValidationReport r =
                validator.validate(base() + "/hosting/" + hosting + "/" + asset + "/master.m3u8");
            assertThat(r.errors()).as(r.toText()).isEmpty();
            assertThat(r.warnings())
                .as(r.toText())
                .allSatisfy(w -> assertThat(w.rule()).isEqualTo(Rule.A3));
          }
        });
  }

  @Test
  void m3u8ParserReadsEveryPlaylistWithoutWarnings() throws Exception {
    Process p =
        new ProcessBuilder(
                List.of(
                    "node",
                    PLAYER.resolve("tests/parse-playlists.mjs").toString(),
                    work.resolve("hosting").toString()))
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    JsonNode result = new ObjectMapper().readTree(out);
    assertThat(result.path("warnings")).as(out).isEmpty();
    assertThat(result.path("playlists").asInt())
        .as("masters, media and I-frame playlists of every package")
        .isGreaterThan(40);
  }

  @Test
  void everyRenditionOfEveryPackagePlaysToTheEndInHlsJs() throws Exception {
    playInBothPlayers();
    for (JsonNode r : hlsJsResults) {
      String url = r.path("url").asText();
      assertPlayedToTheEndAlone("hls.js", r, forcedIndex(url, "level"));
      Declared d = declaredFor(url);
      assertThat(r.path("levels")).as("hls.js levels: %s", url).hasSize(d.streamInfs());
      // hls.js lists the EXT-X-MEDIA renditions of the level's own AUDIO group, as declared.
      assertThat(listed(r.path("audioTracks")))
          .as("audio languages hls.js lists for %s", url)
          .isEqualTo(d.levelAudioLanguages().get(forcedIndex(url, "level")));
      assertThat(listed(r.path("textTracks")))
          .as("subtitle languages hls.js lists for %s", url)
          .isEqualTo(d.subtitleLanguages());
    }
  }

  @Test
  void everyVariantOfEveryPackagePlaysToTheEndInShakaPlayer() throws Exception {
    playInBothPlayers();
    for (JsonNode r : shakaResults) {
      String url = r.path("url").asText();
      assertPlayedToTheEndAlone("Shaka Player", r, forcedIndex(url, "variant"));
      Declared d = declaredFor(url);
      assertThat(r.path("levels"))
          .as("Shaka variants (picture x audio rendition): %s", url)
          .hasSize(d.pictureAudioPairs());
      // Shaka lists the audio renditions too; where the audio is in the variant itself (no
      // EXT-X-MEDIA, the audio-only package) it lists that stream once, language "und"
      // (undetermined), as there is nothing declared.
      assertThat(listed(r.path("audioTracks")))
          .as("audio languages Shaka Player lists for %s", url)
          .isEqualTo(d.audioLanguages().isEmpty() ? List.of("und") : d.audioLanguages());
      assertThat(listed(r.path("textTracks")))
          .as("subtitle languages Shaka Player lists for %s", url)
          .isEqualTo(d.subtitleLanguages());
    }
  }

  @Test
  void bothPlayersListTheAudioLanguagesAndSubtitlesTheSourceCarried() throws Exception {
    playInBothPlayers();
    for (String hosting : List.of("ts-tracks", "fmp4-tracks")) {
      for (PlaybackTrackSources.Carried c : PlaybackTrackSources.CARRIED) {
        String path = "/" + hosting + "/" + c.asset() + "/";
        List<JsonNode> hlsJs = resultsFor(hlsJsResults, path);
        List<JsonNode> shaka = resultsFor(shakaResults, path);
        assertThat(hlsJs).as(path).isNotEmpty();
        assertThat(shaka).as(path).isNotEmpty();
        // hls.js lists the audio of the playing level's group; across the levels, every language.
        assertThat(
                hlsJs.stream()
                    .flatMap(r -> listed(r.path("audioTracks")).stream())
                    .distinct()
                    .sorted()
                    .toList())
            .as("audio languages hls.js offers for %s", path)
            .isEqualTo(c.audioLanguages());
        for (JsonNode r : shaka) {
          assertThat(listed(r.path("audioTracks")).stream().distinct().toList())
              .as("audio languages Shaka Player offers: %s", r)
              .isEqualTo(c.audioLanguages());
        }
        for (JsonNode r : concat(hlsJs, shaka)) {
          assertThat(listed(r.path("textTracks")))
              .as("text tracks listed: %s", r)
              .isEqualTo(c.textLanguages());
          assertFirstCue(r, c.firstCue());
        }
      }
    }
  }

  /** The earliest cue a player showed, as it placed it on the timeline. */
  private static void assertFirstCue(JsonNode r, PlaybackTrackSources.Cue expected) {
    JsonNode first = null;
    for (JsonNode c : r.path("cues")) {
      if (first == null || c.path("start").asDouble() < first.path("start").asDouble()) {
        first = c;
      }
    }
    assertThat(first).as("a cue shown: %s", r).isNotNull();
    assertThat(first.path("text").asText()).as(r.toString()).isEqualTo(expected.text());
    assertThat(first.path("start").asDouble())
        .as(r.toString())
        .isCloseTo(expected.start(), within(0.1));
    assertThat(first.path("end").asDouble())
        .as(r.toString())
        .isCloseTo(expected.end(), within(0.1));
  }

  /** What a track package's asset carried, or empty for the other packages. */
  private static Optional<PlaybackTrackSources.Carried> carried(String hosting, String asset) {
    return hosting.endsWith("-tracks")
        ? PlaybackTrackSources.CARRIED.stream().filter(c -> c.asset().equals(asset)).findFirst()
        : Optional.empty();
  }

  private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<JsonNode> resultsFor(List<JsonNode> results, String hostingPath) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : results) {
      if (r.path("url").asText().contains(hostingPath)) {
        out.add(r);
      }
    }
    return out;
  }
}
