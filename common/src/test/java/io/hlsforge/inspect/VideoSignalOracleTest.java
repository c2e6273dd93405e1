package io.hlsforge.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bit depth and transfer characteristics the inspectors read from H.264 SPSs (in TS and in an
 * fMP4 avcC) and from an HEVC hvcC + colr, against ffprobe's {@code pix_fmt} and {@code
 * color_transfer} for the same files, translated by the ITU-T H.273 table written out here.
 */
class VideoSignalOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** ffprobe's transfer names → H.273 transfer_characteristics. */
  private static final Map<String, Integer> H273 =
      Map.of("bt709", 1, "smpte2084", 16, "arib-std-b67", 18, "bt2020-10", 14);

  @TempDir Path dir;

  private Path encode(String name, String filter, String... codec) throws Exception {
    Path out = dir.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-t", "0.4", "-vf", filter));
    args.addAll(List.of(codec));
    args.add(out.toString());
    TestMedia.ffmpeg(args.toArray(String[]::new));
    return out;
  }

  /** {bit depth, transfer code} as ffprobe reports them. */
  private static int[] ffprobe(Path file) throws Exception {
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=pix_fmt,color_transfer",
                "-of",
                "json",
                file.toString()),
            Duration.ofMinutes(1),
            null);
    JsonNode s = JSON.readTree(r.stdout()).path("streams").get(0);
    String pixFmt = s.path("pix_fmt").asText();
    int depth = pixFmt.contains("10") ? 10 : 8;
    return new int[] {depth, H273.getOrDefault(s.path("color_transfer").asText("unknown"), 2)};
  }

  private static void assertSignal(VideoSignal signal, String codec, int[] expected) {
    assertThat(signal).isNotNull();
    assertThat(signal.codec()).isEqualTo(codec);
    assertThat(signal.bitDepth()).isEqualTo(expected[0]);
    assertThat(signal.transfer()).isEqualTo(expected[1]);
  }

  private static final String TS = "mpegts";

  @Test
  void h264InTsUntaggedBt709AndTenBitPq() throws Exception {
    Path untagged = encode("plain.ts", "format=yuv420p", "-c:v", "libx264", "-f", TS);
    Path bt709 =
        encode(
            "bt709.ts",
            "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709",
            "-c:v",
            "libx264",
            "-f",
            TS);
    // A scaling matrix in the SPS (cqm=jvt) exercises the scaling-list walk before the VUI.
    Path pq10 =
        encode(
            "pq10.ts",
            "format=yuv420p10le,setparams=color_primaries=bt2020:color_trc=smpte2084"
                + ":colorspace=bt2020nc",
            "-c:v",
            "libx264",
            "-x264-params",
            "cqm=jvt",
            "-f",
            TS);
    for (Path p : List.of(untagged, bt709, pq10)) {
      SegmentFacts f = TsSegmentReader.facts(Files.readAllBytes(p));
      assertSignal(f.video().signal(), "avc", ffprobe(p));
    }
    assertThat(ffprobe(untagged)).containsExactly(8, 2);
    assertThat(ffprobe(bt709)).containsExactly(8, 1);
    assertThat(ffprobe(pq10)).containsExactly(10, 16);
  }

  /** {width, height} of the first video stream as ffprobe reports them. */
  private static int[] ffprobeSize(Path file) throws Exception {
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=width,height",
                "-of",
                "json",
                file.toString()),
            Duration.ofMinutes(1),
            null);
    JsonNode s = JSON.readTree(r.stdout()).path("streams").get(0);
    return new int[] {s.path("width").asInt(), s.path("height").asInt()};
  }

  @Test
  void h264PictureSizeAfterCroppingForEachChromaFormatAndInterlacing() throws Exception {
    // Sizes that are not whole macroblocks make the SPS crop; the crop unit depends on the chroma
    // format (2x2 for 4:2:0, 2x1 for 4:2:2, 1x1 for 4:4:4) and doubles vertically for fields.
    List<Path> files =
        List.of(
            encodeSized("s420.ts", 426, 238, "yuv420p"),
            encodeSized("s422.ts", 426, 238, "yuv422p"),
            encodeSized("s444.ts", 426, 238, "yuv444p"),
            encodeSized(
                "field.ts", 426, 236, "yuv420p", "-flags", "+ildct", "-x264-params", "tff=1"));
    for (Path p : files) {
      VideoSignal signal = TsSegmentReader.facts(Files.readAllBytes(p)).video().signal();
      int[] expected = ffprobeSize(p);
      assertThat(new int[] {signal.width(), signal.height()}).as(p.toString()).isEqualTo(expected);
    }
    assertThat(ffprobeSize(files.get(0))).containsExactly(426, 238);
    assertThat(ffprobeSize(files.get(2))).containsExactly(426, 238);
    assertThat(ffprobeSize(files.get(3))).containsExactly(426, 236);
  }

  private Path encodeSized(String name, int width, int height, String pixFmt, String... extra)
      throws Exception {
    Path out = dir.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-t",
                "0.2",
                "-pix_fmt",
                pixFmt,
                "-c:v",
                "libx264"));
    args.addAll(List.of(extra));
    args.addAll(List.of("-f", TS, out.toString()));
    TestMedia.ffmpeg(args.toArray(String[]::new));
    return out;
  }

  @Test
  void avcCAndHevcInFmp4InitSegments() throws Exception {
    Path hlg =
        encode(
            "hlg.mp4",
            "format=yuv420p10le,setparams=color_primaries=bt2020:color_trc=arib-std-b67"
                + ":colorspace=bt2020nc",
            "-c:v",
            "libx265",
            "-x265-params",
            "log-level=error",
            "-tag:v",
            "hvc1",
            "-movflags",
            "+frag_keyframe+empty_moov");
    Path avc =
        encode(
            "avc.mp4",
            "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709",
            "-c:v",
            "libx264",
            "-movflags",
            "+frag_keyframe+empty_moov");
    assertSignal(Mp4TrackReader.read(Files.readAllBytes(hlg)).signal(), "hevc", ffprobe(hlg));
    assertSignal(Mp4TrackReader.read(Files.readAllBytes(avc)).signal(), "avc", ffprobe(avc));
    assertThat(ffprobe(hlg)).containsExactly(10, 18);
  }
}
