package io.hlsforge.testkit;

import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Media only tests need, made at test time from generated samples (see {@code SampleMedia}): a
 * phone-style rotated MP4, a file damaged in the middle, a header declaring an absurd frame size.
 */
public final class TestMedia {
  private TestMedia() {}

  /**
   * Runs the bundled ffmpeg with {@code args} (quiet, overwriting outputs); an ffmpeg failure is an
   * IOException carrying the command and ffmpeg's own error output.
   */
  public static void ffmpeg(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                FfmpegBinaries.ffmpeg(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
    command.addAll(List.of(args));
    ChildProcess.Result r = ChildProcess.run(command, Duration.ofMinutes(5), null);
    if (!r.succeeded()) {
      throw new IOException(
          "ffmpeg exited " + r.exitCode() + ": " + String.join(" ", args) + "\n" + r.stderrTail());
    }
  }

  /**
   * A test pattern ({@code testsrc2}) in H.264, like {@code SampleMedia.testCard}, shaped the way a
   * test needs: {@code channels} of 440 Hz AAC tone (0 for silent video, 6 for 5.1); {@code
   * videoFilter} (or null) shapes the picture, e.g. {@code setsar=64/45} for anamorphic or a {@code
   * select} for variable frame rate; {@code extraArgs} go before the output, e.g.
   * interlaced-encoding flags.
   */
  public static Path video(
      Path out,
      int width,
      int height,
      String frameRate,
      double seconds,
      int channels,
      String videoFilter,
      List<String> extraArgs)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size="
                    + width
                    + "x"
                    + height
                    + ":rate="
                    + frameRate
                    + ":duration="
                    + seconds));
    if (channels > 0) {
      args.addAll(
          List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
    }
    if (videoFilter != null) {
      args.addAll(List.of("-vf", videoFilter));
    }
    args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
    if (channels > 0) {
      args.addAll(
          List.of(
              "-c:a",
              "aac",
              "-b:a",
              channels > 2 ? "256k" : "96k",
              "-ac",
              Integer.toString(channels)));
    }
    args.addAll(extraArgs);
    args.addAll(List.of("-shortest", out.toString()));
    Files.createDirectories(out.toAbsolutePath().getParent());
    ffmpeg(args.toArray(String[]::new));
    return out;
  }

  /** A test pattern in H.264 without any audio stream. */
  public static Path silentVideo(Path out, int width, int height, String frameRate, double seconds)
      throws IOException, InterruptedException {
    return video(out, width, height, frameRate, seconds, 0, null, List.of());
  }

  /**
   * A Blu-ray PGS subtitle stream ({@code .sup}, ffprobe's {@code hdmv_pgs_subtitle}) with one
   * empty display set at 0.5 s and one at 1.0 s, written byte by byte: ffmpeg cannot encode bitmap
   * subtitles from text, and a real bitmap stream is what tests of the not-converted path need.
   * Each segment is "PG", PTS and DTS (90 kHz), type and length; a presentation composition (0x16)
   * of 320x180 with no objects, a window definition (0x17) with no windows, then an end (0x80).
   */
  public static Path pgsSubtitles(Path out) throws IOException {
    ByteArrayOutputStream sup = new ByteArrayOutputStream();
    for (int set = 0; set < 2; set++) {
      int pts = 45_000 * (set + 1);
      byte[] composition = {
        0x01,
        0x40,
        0x00,
        (byte) 0xB4,
        0x10,
        0x00,
        (byte) set,
        (byte) (set == 0 ? 0x80 : 0x00),
        0,
        0,
        0
      };
      pgsSegment(sup, pts, 0x16, composition);
      pgsSegment(sup, pts, 0x17, new byte[] {0});
      pgsSegment(sup, pts, 0x80, new byte[0]);
    }
    return Files.write(out, sup.toByteArray());
  }

  private static void pgsSegment(ByteArrayOutputStream out, int pts, int type, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(13 + body.length);
    b.put((byte) 'P').put((byte) 'G').putInt(pts).putInt(0).put((byte) type);
    b.putShort((short) body.length).put(body);
    out.writeBytes(b.array());
  }

  /**
   * An HDR version of an SDR test pattern ({@code testsrc2} of {@code size} for {@code seconds},
   * with a tone): zimg takes it from BT.709 to linear light with SDR white at 203 nits (ITU-R
   * BT.2408's reference white), to BT.2020 primaries and the {@code transfer} curve ({@code
   * smpte2084} for HDR10, with its mastering metadata; {@code arib-std-b67} for HLG), encoded as
   * 10-bit HEVC tagged accordingly, as HDR deliveries come.
   */
  public static Path hdrPattern(Path out, String transfer, String size, double seconds)
      throws IOException, InterruptedException {
    String x265 =
        "smpte2084".equals(transfer)
            ? "log-level=error:hdr10=1:master-display="
                + "G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1)"
                + ":max-cll=1000,400"
            : "log-level=error";
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=" + size + ":rate=25:duration=" + seconds,
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=" + seconds,
        "-vf",
        "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv,"
            + "zscale=t=linear:npl=203,format=gbrpf32le,"
            + "zscale=p=bt2020:t="
            + transfer
            + ":m=bt2020nc:r=tv:npl=203,format=yuv420p10le",
        "-c:v",
        "libx265",
        "-preset",
        "ultrafast",
        "-x265-params",
        x265,
        "-tag:v",
        "hvc1",
        "-color_primaries",
        "bt2020",
        "-color_trc",
        transfer,
        "-colorspace",
        "bt2020nc",
        "-c:a",
        "aac",
        out.toString());
    return out;
  }

  /** A copy of an MP4 whose display matrix tells players to rotate it (as phones record). */
  public static Path rotated(Path source, Path out, int degrees)
      throws IOException, InterruptedException {
    ffmpeg(
        "-display_rotation:v:0",
        Integer.toString(degrees),
        "-i",
        source.toString(),
        "-c",
        "copy",
        out.toString());
    return out;
  }

  /**
   * A copy of {@code source} whose middle fifth is overwritten with (seeded, repeatable) random
   * bytes, as a torn transfer or a bad disk sector leaves it: the start still probes fine.
   */
  public static Path damagedInTheMiddle(Path source, Path out) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    Random random = new Random(7);
    for (int i = bytes.length * 2 / 5; i < bytes.length * 3 / 5; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return Files.write(out, bytes);
  }

  /**
   * A YUV4MPEG2 file whose header declares {@code width}x{@code height} frames, followed by a few
   * kilobytes of noise: what a crafted header asking the decoder for gigabytes looks like.
   */
  public static Path declaringFrameSize(Path out, int width, int height) throws IOException {
    byte[] header =
        ("YUV4MPEG2 W" + width + " H" + height + " F25:1 Ip A1:1 C420jpeg\nFRAME\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] noise = new byte[64 * 1024];
    new Random(11).nextBytes(noise);
    byte[] all = Arrays.copyOf(header, header.length + noise.length);
    System.arraycopy(noise, 0, all, header.length, noise.length);
    return Files.write(out, all);
  }
}
