package io.hlsforge.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Asks the bundled ffprobe, independently of hlsforge's own TS parser, what the first decoded video
 * frame of a file is and what the video stream's profile and level are. Used to cross-check
 * packages (and by tests) — a second opinion from a different implementation.
 */
public final class FirstFrameProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FirstFrameProbe() {}

  /**
   * First video frame facts plus stream profile/level; {@code keyFrame} false when there is no
   * video.
   */
  public record Facts(
      boolean hasVideo,
      boolean keyFrame,
      String pictType,
      String profile,
      int level,
      int width,
      int height,
      double frameRate,
      String audioCodec,
      String audioProfile) {}

  public static Facts of(Path file) throws IOException, InterruptedException {
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_streams",
                "-show_frames",
                "-read_intervals",
                "%+#1",
                "-select_streams",
                "v:0",
                file.toString()),
            Duration.ofMinutes(2),
            null);
    ChildProcess.Result a =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_streams",
                "-select_streams",
                "a:0",
                file.toString()),
            Duration.ofMinutes(2),
            null);
    if (!r.succeeded() || !a.succeeded()) {
      throw new IOException(
          "Cannot probe "
              + file
              + ": ffprobe exited "
              + r.exitCode()
              + "/"
              + a.exitCode()
              + ": "
              + r.stderrTail()
              + a.stderrTail());
    }
    JsonNode v = JSON.readTree(r.stdout());
    JsonNode audio = JSON.readTree(a.stdout()).path("streams").path(0);
    JsonNode stream = v.path("streams").path(0);
    JsonNode frame = v.path("frames").path(0);
    return new Facts(
        !stream.isMissingNode(),
        frame.path("key_frame").asInt(0) == 1,
        frame.path("pict_type").asText(null),
        stream.path("profile").asText(null),
        stream.path("level").asInt(-1),
        stream.path("width").asInt(0),
        stream.path("height").asInt(0),
        rate(stream.path("r_frame_rate").asText("0/1")),
        audio.path("codec_name").asText(null),
        audio.path("profile").asText(null));
  }

  private static double rate(String fraction) {
    int slash = fraction.indexOf('/');
    try {
      double den = Double.parseDouble(fraction.substring(slash + 1));
      return den == 0 ? 0 : Double.parseDouble(fraction.substring(0, slash)) / den;
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
