package io.hlsforge.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates small synthetic media with the bundled ffmpeg (lavfi sources): the demo's catalogue
 * (test cards, an MP3, a broken upload), which tests reuse. Nothing is downloaded and nothing large
 * is committed. Media only tests need (silent, surround, anamorphic, interlaced, rotated, damaged,
 * crafted headers) is the test kit's.
 */
public final class SampleMedia {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private SampleMedia() {}

  /**
   * A test card: H.264 (a moving {@code testsrc2} pattern) and a stereo 440 Hz AAC tone, in an MP4
   * or any container its extension names.
   */
  public static Path testCard(Path out, int width, int height, String frameRate, double seconds)
      throws IOException, InterruptedException {
    return run(
        lavfi(
            "testsrc2=size=" + width + "x" + height + ":rate=" + frameRate + ":duration=" + seconds,
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=48000:duration=" + seconds,
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-b:a",
            "96k",
            "-ac",
            "2",
            "-shortest",
            out.toString()),
        out);
  }

  /** An MP3, the kind of file the original engineering note packaged. */
  public static Path mp3(Path out, double seconds) throws IOException, InterruptedException {
    return run(
        lavfi(
            "sine=frequency=330:sample_rate=44100:duration=" + seconds,
            "-ac",
            "2",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "128k",
            out.toString()),
        out);
  }

  /** A file named like media that is not media at all. */
  public static Path broken(Path out) throws IOException {
    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      junk.append("this is not a video file, line ").append(i).append('\n');
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, junk, StandardCharsets.UTF_8);
    return out;
  }

  /** The bundled ffmpeg, quiet and overwriting, reading lavfi source {@code args[0]}. */
  private static List<String> lavfi(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                FfmpegBinaries.ffmpeg(),
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static Path run(List<String> cmd, Path out) throws IOException, InterruptedException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    ChildProcess.Result r = ChildProcess.run(cmd, TIMEOUT, null);
    if (!r.succeeded()) {
      throw new IOException(
          "Cannot generate sample media "
              + out
              + ": ffmpeg exited "
              + r.exitCode()
              + ": "
              + r.stderrTail().strip());
    }
    return out;
  }
}
