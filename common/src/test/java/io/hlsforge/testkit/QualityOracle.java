package io.hlsforge.testkit;

import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tests' own measurements of published segments, made without the packager's code: its own
 * ffmpeg commands over the segments joined with the concat protocol (not the packager's playlist),
 * frames per segment counted by ffprobe, per-frame values parsed here, and loudness read from
 * loudnorm's meter (a BS.1770 implementation separate from the ebur128 filter the packager uses).
 */
public final class QualityOracle {
  private QualityOracle() {}

  /** Per-frame luma PSNR (infinity as 100 dB) and SSIM of {@code segments} against the source. */
  public record Frames(List<Double> psnrY, List<Double> ssimY) {}

  /**
   * docs/quality.md's comparison: the source through {@code normalisation} (e.g. {@code fps=25}),
   * both sides scaled with bicubic to {@code display} ({@code w:h}) with square pixels, 8-bit
   * 4:2:0, timed from 0, compared frame by frame until the shorter ends.
   */
  public static Frames compare(
      Path work, Path source, String normalisation, String display, List<Path> segments)
      throws IOException, InterruptedException {
    String both = "scale=" + display + ":flags=bicubic,setsar=1,format=yuv420p,setpts=PTS-STARTPTS";
    String name = "oracle-" + System.nanoTime();
    run(
        work,
        FfmpegBinaries.ffmpeg(),
        "-nostdin",
        "-loglevel",
        "error",
        "-y",
        "-i",
        source.toString(),
        "-i",
        concat(segments),
        "-filter_complex",
        "[0:v]"
            + normalisation
            + ","
            + both
            + ",split[r1][r2];[1:v]"
            + both
            + ",split[d1][d2];[d1][r1]psnr=stats_file="
            + name
            + "-psnr.log:shortest=1[o1];[d2][r2]ssim=stats_file="
            + name
            + "-ssim.log:shortest=1[o2]",
        "-map",
        "[o1]",
        "-map",
        "[o2]",
        "-f",
        "null",
        "-");
    return new Frames(
        perFrame(work.resolve(name + "-psnr.log"), "psnr_y:"),
        perFrame(work.resolve(name + "-ssim.log"), "Y:"));
  }

  /** How many pictures each segment holds, by ffprobe decoding it. */
  public static List<Integer> framesPerSegment(Path work, List<Path> segments)
      throws IOException, InterruptedException {
    List<Integer> frames = new ArrayList<>();
    for (Path segment : segments) {
      frames.add(
          Integer.parseInt(
              run(
                      work,
                      FfmpegBinaries.ffprobe(),
                      "-v",
                      "error",
                      "-count_frames",
                      "-select_streams",
                      "v:0",
                      "-show_entries",
                      "stream=nb_read_frames",
                      "-of",
                      "csv=p=0",
                      segment.toString())
                  .stdout()
                  .lines()
                  .filter(l -> !l.isBlank())
                  .findFirst() // a TS lists the stream under its program too
                  .orElseThrow()));
    }
    return frames;
  }

  /** Integrated loudness of {@code segments}, by loudnorm's own meter (its JSON). */
  public static double integratedLoudness(Path work, List<Path> segments)
      throws IOException, InterruptedException {
    ChildProcess.Result r =
        run(
            work,
            FfmpegBinaries.ffmpeg(),
            "-nostdin",
            "-hide_banner",
            "-nostats",
            "-i",
            concat(segments),
            "-af",
            "loudnorm=print_format=json",
            "-f",
            "null",
            "-");
    Matcher m = Pattern.compile("\"input_i\"\\s*:\\s*\"([-0-9.]+)\"").matcher(r.stderrTail());
    if (!m.find()) {
      throw new IOException("loudnorm printed no input_i: " + r.stderrTail());
    }
    return Double.parseDouble(m.group(1));
  }

  public static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static String concat(List<Path> files) {
    return "concat:" + files.stream().map(Path::toString).collect(Collectors.joining("|"));
  }

  private static List<Double> perFrame(Path stats, String key) throws IOException {
    Pattern p = Pattern.compile(Pattern.quote(key) + "\\s*(inf|[-0-9.]+)");
    List<Double> values = new ArrayList<>();
    for (String line : Files.readAllLines(stats)) {
      Matcher m = p.matcher(line);
      if (line.startsWith("n:") && m.find()) {
        values.add(m.group(1).equals("inf") ? 100.0 : Double.parseDouble(m.group(1)));
      }
    }
    return values;
  }

  private static ChildProcess.Result run(Path dir, String... args)
      throws IOException, InterruptedException {
    ChildProcess.Result r = ChildProcess.run(List.of(args), Duration.ofMinutes(5), dir);
    if (!r.succeeded()) {
      throw new IOException(
          String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderrTail());
    }
    return r;
  }
}
