package io.hlsforge.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled ffprobe and ffmpeg as the timeline tests' oracle: what the published files contain,
 * read by tools that share no code with the packager's inspectors.
 */
final class Ffprobe {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Ffprobe() {}

  /** {@code ffprobe -show_streams -show_format} of a file, as JSON. */
  static JsonNode streams(Path file) throws IOException, InterruptedException {
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-show_streams",
                "-show_format",
                "-of",
                "json",
                file.toString()),
            Duration.ofMinutes(1),
            null);
    if (!r.succeeded()) {
      throw new IOException("ffprobe " + file + ": " + r.stderrTail());
    }
    return JSON.readTree(r.stdout());
  }

  /** ffprobe's first video frame of a file (its colour and side data), as JSON. */
  static JsonNode firstVideoFrame(Path file) throws IOException, InterruptedException {
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-read_intervals",
                "%+#1",
                "-show_frames",
                "-of",
                "json",
                file.toString()),
            Duration.ofMinutes(1),
            null);
    if (!r.succeeded()) {
      throw new IOException("ffprobe " + file + ": " + r.stderrTail());
    }
    return JSON.readTree(r.stdout()).path("frames").get(0);
  }

  /** The rendition's segments (with its init segment first, for fMP4) joined into one file. */
  static Path joined(Path renditionDir, Path out) throws IOException {
    String playlist = Files.readString(renditionDir.resolve("index.m3u8"));
    List<String> parts = new ArrayList<>();
    Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
    if (map.find()) {
      parts.add(map.group(1));
    }
    playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(parts::add);
    Files.deleteIfExists(out);
    Files.createFile(out);
    for (String p : parts) {
      Files.write(out, Files.readAllBytes(renditionDir.resolve(p)), StandardOpenOption.APPEND);
    }
    return out;
  }

  /** The sum of a media playlist's EXTINF durations. */
  static double playlistSeconds(Path renditionDir) throws IOException {
    return Files.readString(renditionDir.resolve("index.m3u8"))
        .lines()
        .filter(l -> l.startsWith("#EXTINF:"))
        .mapToDouble(l -> Double.parseDouble(l.substring(8, l.indexOf(','))))
        .sum();
  }

  /**
   * The frame metadata {@code filter} attaches (silencedetect's {@code lavfi.silence_*},
   * signalstats' {@code lavfi.signalstats.*}) over a file's first stream of {@code kind} ("a" or
   * "v"), as ffmpeg's (a)metadata filter prints it.
   */
  static String frameMetadata(Path file, String kind, String filter)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(file.getParent(), "metadata-", ".txt");
    String print =
        (kind.equals("a") ? "ametadata" : "metadata") + "=mode=print:file=" + log.getFileName();
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffmpeg(),
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-i",
                file.toString(),
                "-map",
                "0:" + kind + ":0",
                kind.equals("a") ? "-af" : "-vf",
                filter + "," + print,
                "-f",
                "null",
                "-"),
            Duration.ofMinutes(2),
            log.getParent());
    if (!r.succeeded()) {
      throw new IOException("ffmpeg " + filter + " over " + file + ": " + r.stderrTail());
    }
    return Files.readString(log);
  }

  /** The values of {@code key} in frame metadata, in order. */
  static List<Double> values(String metadata, String key) {
    List<Double> out = new ArrayList<>();
    Matcher m = Pattern.compile(Pattern.quote(key) + "=(-?[0-9.]+)").matcher(metadata);
    while (m.find()) {
      out.add(Double.parseDouble(m.group(1)));
    }
    return out;
  }
}
