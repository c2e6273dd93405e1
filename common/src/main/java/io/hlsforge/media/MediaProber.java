package io.hlsforge.media;

import io.hlsforge.config.InputSpec;
import io.hlsforge.model.VideoRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Probes a local file with the bundled ffprobe, run as a supervised child process. */
public final class MediaProber {
  private final Duration timeout;
  private final InputSpec limits;

  /** A prober that reports whatever the file declares (validation, tests). */
  public MediaProber(Duration timeout) {
    this(timeout, null);
  }

  /** A prober that refuses sources beyond {@code limits} (the pipeline's probe stage). */
  public MediaProber(Duration timeout, InputSpec limits) {
    this.timeout = timeout;
    this.limits = limits;
  }

  public ProbeResult probe(Path file) throws MediaException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(MediaException.Kind.INPUT_MISSING, "file does not exist: " + file);
    }
    // Untrusted input: local files (and pipes) only — a playlist or concat file pointing at a URL
    // is refused — and bounded probing, so a hostile header cannot make ffprobe read for ever.
    List<String> command =
        List.of(
            FfmpegBinaries.ffprobe(),
            "-v",
            "error",
            "-protocol_whitelist",
            "file,pipe",
            "-probesize",
            "50000000",
            "-analyzeduration",
            "30000000",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            file.toString());
    ChildProcess.Result result = ffprobe(command);
    if (!result.succeeded()) {
      throw new MediaException(
          result.failureKind(MediaException.Kind.INPUT_CORRUPT), "ffprobe " + result.describe());
    }
    ProbeResult probe = FfprobeJsonParser.parse(result.stdout(), limits);
    if (probe.colour().videoRange() == VideoRange.PQ) {
      // HDR10's mastering display and light level travel as frame side data: the first frame's.
      probe = probe.withColour(probe.colour().with(HdrMetadata.parse(firstFrameSideData(file))));
    }
    if (Recording.is(probe) && probe.hasVideo() && probe.frameRate() > 0) {
      // A recording's first and last timestamps can be minutes apart across a jump: its length is
      // its frames' (a demux-only pass over the file) at its average rate (the rate the ladder
      // encodes at; a TS's r_frame_rate is often a field or tick rate, 375 for 25 fps).
      long frames = videoPackets(file);
      if (frames > 0) {
        return probe.withVideoDurationSeconds(frames / probe.frameRate());
      }
    }
    return probe;
  }

  /** ffprobe's side data of the first video frame, as JSON ("" when it cannot be read). */
  private String firstFrameSideData(Path file) throws MediaException, InterruptedException {
    List<String> command =
        List.of(
            FfmpegBinaries.ffprobe(),
            "-v",
            "error",
            "-protocol_whitelist",
            "file,pipe",
            "-select_streams",
            "v:0",
            "-read_intervals",
            "%+#1",
            "-show_frames",
            "-show_entries",
            "frame=side_data_list",
            "-of",
            "json",
            file.toString());
    ChildProcess.Result result = ffprobe(command);
    return result.succeeded() ? result.stdout() : "";
  }

  /** ffprobe's count of the first video stream's packets (one per frame), or 0. */
  private long videoPackets(Path file) throws MediaException, InterruptedException {
    List<String> command =
        List.of(
            FfmpegBinaries.ffprobe(),
            "-v",
            "error",
            "-protocol_whitelist",
            "file,pipe",
            "-select_streams",
            "v:0",
            "-count_packets",
            "-show_entries",
            "stream=nb_read_packets",
            "-of",
            "csv=p=0",
            file.toString());
    ChildProcess.Result result = ffprobe(command);
    if (!result.succeeded()) {
      return 0;
    }
    // A TS lists its streams twice (under its program and on their own): the first count.
    return result
        .stdout()
        .lines()
        .map(l -> l.strip().replace(",", ""))
        .filter(l -> l.matches("\\d+"))
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(0);
  }

  /**
   * One supervised ffprobe child: a timeout is TIMEOUT, a child that cannot start INPUT_CORRUPT.
   */
  private ChildProcess.Result ffprobe(List<String> command)
      throws MediaException, InterruptedException {
    try {
      return ChildProcess.run(command, timeout, null);
    } catch (ChildProcess.TimeoutException e) {
      throw new MediaException(MediaException.Kind.TIMEOUT, "ffprobe " + e.getMessage());
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_CORRUPT, "cannot start ffprobe: " + e.getMessage(), e);
    }
  }
}
