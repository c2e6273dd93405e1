package io.hlsforge;

import io.hlsforge.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The multi-track sources the playback test packages, and what each carries, written down by hand
 * from the ffmpeg command that made it: the oracle both players' lists are compared with.
 */
final class PlaybackTrackSources {
  private PlaybackTrackSources() {}

  /**
   * What one source carries, as a viewer should find it in a player.
   *
   * @param asset the catalogue's asset id
   * @param audioLanguages the distinct BCP 47 languages of its kept audio tracks, sorted
   * @param textLanguages one BCP 47 language per subtitle track (embedded and sidecar), sorted
   * @param shownLanguage the subtitles the players are asked to show
   * @param firstCue the first cue of those subtitles: text, start and end in seconds
   */
  record Carried(
      String asset,
      List<String> audioLanguages,
      List<String> textLanguages,
      String shownLanguage,
      Cue firstCue) {}

  record Cue(String text, double start, double end) {}

  static final List<Carried> CARRIED =
      List.of(
          // English 5.1 (so a stereo and a 5.1 rendition), Spanish stereo; English and Spanish
          // SubRip in the Matroska file.
          new Carried(
              "languages",
              List.of("en", "es"),
              List.of("en", "es"),
              "en",
              new Cue("Hello", 0.5, 2.0)),
          // MP4: English (default), French and an English commentary track; one mov_text track.
          new Carried(
              "phone", List.of("en", "fr"), List.of("en"), "en", new Cue("Good morning", 0.4, 1.6)),
          // A broadcast delivery of four mono tracks, English 1+2 and French 3+4 (the catalogue's
          // audio column); subtitles only beside it: German WebVTT found next to the source, French
          // SRT and forced English SRT named in the catalogue's subtitles column.
          new Carried(
              "broadcast",
              List.of("en", "fr"),
              List.of("de", "en", "fr"),
              "de",
              new Cue("Guten Tag", 1.0, 2.5)));

  /**
   * Generates the sources into {@code dir} and returns the catalogue (CSV with audio and subtitles
   * columns) that names them.
   */
  static Path generate(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path en = Files.writeString(dir.resolve("en.srt"), "1\n00:00:00,500 --> 00:00:02,000\nHello\n");
    Path es = Files.writeString(dir.resolve("es.srt"), "1\n00:00:00,500 --> 00:00:02,000\nHola\n");
    Path languages = dir.resolve("languages.mkv");
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
        "-i",
        en.toString(),
        "-i",
        es.toString(),
        "-filter_complex",
        "[1:a]pan=5.1|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0[s51]",
        "-map",
        "0:v",
        "-map",
        "[s51]",
        "-map",
        "2:a",
        "-map",
        "3:s",
        "-map",
        "4:s",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-c:s",
        "srt",
        "-metadata:s:a:0",
        "language=eng",
        "-metadata:s:a:1",
        "language=spa",
        "-metadata:s:s:0",
        "language=eng",
        "-metadata:s:s:1",
        "language=spa",
        languages.toString());

    Path morning =
        Files.writeString(
            dir.resolve("morning.srt"), "1\n00:00:00,400 --> 00:00:01,600\nGood morning\n");
    Path phone = dir.resolve("phone.mp4");
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
        "-i",
        morning.toString(),
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-map",
        "2:a",
        "-map",
        "3:a",
        "-map",
        "4:s",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-ac",
        "2",
        "-c:s",
        "mov_text",
        "-metadata:s:a:0",
        "language=eng",
        "-metadata:s:a:1",
        "language=fra",
        "-metadata:s:a:2",
        "language=eng",
        "-disposition:a:0",
        "default",
        "-disposition:a:1",
        "0",
        "-disposition:a:2",
        "comment",
        "-metadata:s:s:0",
        "language=eng",
        phone.toString());

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
        "veryfast",
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
    Files.writeString(
        dir.resolve("broadcast.de.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nGuten Tag\n");
    Path fr =
        Files.writeString(
            dir.resolve("broadcast-fr.srt"), "1\n00:00:00,800 --> 00:00:02,200\nBonjour\n");
    Path forced =
        Files.writeString(
            dir.resolve("broadcast-signs.srt"), "1\n00:00:01,200 --> 00:00:02,000\nEXIT\n");

    return Files.writeString(
        dir.resolve("tracks.csv"),
        "asset_id,source_uri,audio,subtitles\n"
            + ("languages," + languages + ",,\n")
            + ("phone," + phone + ",,\n")
            + ("broadcast,"
                + broadcast
                + ",\"1+2,3+4\",fr="
                + fr
                + "; en:forced="
                + forced
                + "\n"));
  }
}
