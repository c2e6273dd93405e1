package io.hlsforge.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.testkit.TestMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments the bundled ffmpeg writes at test time, read by the inspectors and by the bundled
 * ffprobe: every expected value comes from ffprobe's JSON (packets, and streams with their RFC 6381
 * {@code mime_codec_string}), none from the classes under test.
 */
class FfprobeOracleTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TS_CLOCK = 90000.0;

  @TempDir static Path dir;

  private static Path ts;
  private static Path videoHls;
  private static Path audioHls;

  @BeforeAll
  static void generate() throws Exception {
    ts = dir.resolve("av.ts");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=160x90:rate=25",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000",
        "-t",
        "2",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-profile:v",
        "high",
        "-level",
        "4.0",
        "-pix_fmt",
        "yuv420p",
        "-g",
        "25",
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-f",
        "mpegts",
        ts.toString());
    videoHls = Files.createDirectories(dir.resolve("video"));
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=160x90:rate=25",
        "-t",
        "3",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-profile:v",
        "high",
        "-level",
        "3.1",
        "-pix_fmt",
        "yuv420p",
        "-g",
        "25",
        "-f",
        "hls",
        "-hls_time",
        "1",
        "-hls_playlist_type",
        "vod",
        "-hls_segment_type",
        "fmp4",
        "-hls_fmp4_init_filename",
        "init.mp4",
        "-hls_segment_filename",
        videoHls.resolve("seg_%d.m4s").toString(),
        videoHls.resolve("index.m3u8").toString());
    audioHls = Files.createDirectories(dir.resolve("audio"));
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000",
        "-t",
        "3",
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-f",
        "hls",
        "-hls_time",
        "1",
        "-hls_playlist_type",
        "vod",
        "-hls_segment_type",
        "fmp4",
        "-hls_fmp4_init_filename",
        "init.mp4",
        "-hls_segment_filename",
        audioHls.resolve("seg_%d.m4s").toString(),
        audioHls.resolve("index.m3u8").toString());
  }

  @Test
  void aTransportStreamReadsAsFfprobeReadsIt() throws Exception {
    JsonNode probe = ffprobe(ts);
    JsonNode video = stream(probe, "video");
    JsonNode audio = stream(probe, "audio");
    List<JsonNode> videoPackets = packets(probe, "video");
    List<JsonNode> audioPackets = packets(probe, "audio");

    TsSegment read = TsSegmentReader.read(Files.readAllBytes(ts));
    SegmentFacts f = read.facts();

    assertThat(video.path("time_base").asText()).isEqualTo("1/90000");
    assertThat(f.video().frames()).isEqualTo(videoPackets.size());
    assertThat(f.video().start()).isCloseTo(min(videoPackets, "pts") / TS_CLOCK, within(1e-9));
    assertThat(f.video().end()).isCloseTo(maxEnd(videoPackets) / TS_CLOCK, within(1e-9));
    assertThat(f.video().startsWithKeyframe())
        .isEqualTo(videoPackets.get(0).path("flags").asText().startsWith("K"));
    List<Keyframe> keyframes = f.keyframes();
    List<JsonNode> keyPackets =
        videoPackets.stream().filter(p -> p.path("flags").asText().startsWith("K")).toList();
    assertThat(keyframes).hasSameSizeAs(keyPackets).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 0; i < keyframes.size(); i++) {
      assertThat(keyframes.get(i).pts())
          .isCloseTo(keyPackets.get(i).path("pts").asLong() / TS_CLOCK, within(1e-9));
      assertThat(keyframes.get(i).offset())
          .as("ffprobe's pos: the TS packet that starts the PES")
          .isEqualTo(keyPackets.get(i).path("pos").asLong());
    }
    assertThat(video.path("profile").asText()).isEqualTo("High");
    assertThat(read.sps().profileIdc()).isEqualTo(100);
    assertThat(read.sps().levelIdc()).isEqualTo(video.path("level").asInt());
    assertThat(f.video().codec()).isEqualTo(video.path("mime_codec_string").asText());
    assertThat(audio.path("profile").asText()).isEqualTo("LC");
    assertThat(f.audio().sampleRate()).isEqualTo(audio.path("sample_rate").asInt());
    assertThat(f.audio().codec()).isEqualTo(audio.path("mime_codec_string").asText());
    assertThat(f.codecs())
        .isEqualTo(
            video.path("mime_codec_string").asText()
                + ","
                + audio.path("mime_codec_string").asText());
    assertThat(f.audio().start()).isCloseTo(min(audioPackets, "pts") / TS_CLOCK, within(1e-9));
    assertThat(f.audio().end()).isCloseTo(maxEnd(audioPackets) / TS_CLOCK, within(1e-9));
  }

  @Test
  void anFmp4VideoSegmentReadsAsFfprobeReadsIt() throws Exception {
    byte[] init = Files.readAllBytes(videoHls.resolve("init.mp4"));
    byte[] segment = Files.readAllBytes(videoHls.resolve("seg_1.m4s"));
    JsonNode probe = ffprobe(joined(init, segment));
    JsonNode video = stream(probe, "video");
    List<JsonNode> packets = packets(probe, "video");
    long timescale = timescale(video);

    Mp4Track track = Mp4TrackReader.read(init);
    SegmentFacts f = Mp4FragmentReader.facts(segment, track);

    assertThat(track.kind()).isEqualTo(TrackKind.VIDEO);
    assertThat(track.timescale()).isEqualTo(timescale);
    assertThat(track.width()).isEqualTo(video.path("width").asInt());
    assertThat(track.height()).isEqualTo(video.path("height").asInt());
    assertThat(video.path("codec_tag_string").asText()).isEqualTo("avc1");
    assertThat(video.path("profile").asText()).isEqualTo("High");
    assertThat(track.codec()).isEqualTo(video.path("mime_codec_string").asText());
    assertThat(f.video().frames()).isEqualTo(packets.size());
    assertThat(f.video().start())
        .as("tfdt: the first sample's decode time")
        .isCloseTo(packets.get(0).path("dts").asLong() / (double) timescale, within(1e-9));
    assertThat(f.duration()).isCloseTo(sum(packets, "duration") / (double) timescale, within(1e-9));
    assertThat(f.startsWithKeyframe()).isEqualTo(isKey(packets.get(0)));
    List<JsonNode> keyPackets = packets.stream().filter(FfprobeOracleTest::isKey).toList();
    assertThat(f.keyframes()).hasSameSizeAs(keyPackets).isNotEmpty();
    for (int i = 0; i < keyPackets.size(); i++) {
      Keyframe k = f.keyframes().get(i);
      JsonNode p = keyPackets.get(i);
      assertThat(k.pts()).isCloseTo(p.path("dts").asLong() / (double) timescale, within(1e-9));
      assertThat(k.offset() + k.length())
          .as("the range ends where ffprobe's sample ends (pos is after the init segment)")
          .isEqualTo(p.path("pos").asLong() - init.length + p.path("size").asLong());
      assertThat(boxTypeAt(segment, k.offset())).isEqualTo("moof");
    }
  }

  @Test
  void anFmp4AudioSegmentReadsAsFfprobeReadsIt() throws Exception {
    byte[] init = Files.readAllBytes(audioHls.resolve("init.mp4"));
    byte[] segment = Files.readAllBytes(audioHls.resolve("seg_1.m4s"));
    JsonNode probe = ffprobe(joined(init, segment));
    JsonNode audio = stream(probe, "audio");
    List<JsonNode> packets = packets(probe, "audio");
    long timescale = timescale(audio);

    Mp4Track track = Mp4TrackReader.read(init);
    SegmentFacts f = Mp4FragmentReader.facts(segment, track);

    assertThat(track.kind()).isEqualTo(TrackKind.AUDIO);
    assertThat(track.timescale()).isEqualTo(timescale);
    assertThat(track.sampleRate()).isEqualTo(audio.path("sample_rate").asInt());
    assertThat(audio.path("codec_tag_string").asText()).isEqualTo("mp4a");
    assertThat(audio.path("profile").asText()).isEqualTo("LC");
    assertThat(track.codec()).isEqualTo(audio.path("mime_codec_string").asText());
    assertThat(f.audio().start())
        .isCloseTo(packets.get(0).path("dts").asLong() / (double) timescale, within(1e-9));
    assertThat(f.duration()).isCloseTo(sum(packets, "duration") / (double) timescale, within(1e-9));
    assertThat(Mp4FragmentReader.read(segment, timescale).samples()).isEqualTo(packets.size());
    assertThat(f.keyframes()).isEmpty();
  }

  @Test
  void theHandBuiltTransportStreamOfTheUnitTestsIsOneFfprobeReads() throws Exception {
    // Checks the test builder itself: ffprobe finds the PMT's streams, PIDs and PTS where
    // TsBytes put them, so the hand-worked vectors are real MPEG-TS.
    byte[] sps = TsBytes.bytes(0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xAC, 0, 0, 1, 0x65, 0x88);
    byte[] adts =
        TsBytes.concat(TsBytes.bytes(0xFF, 0xF1, 0x4C, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);
    TsBytes built = new TsBytes().pat().pmt(0x1B, TsBytes.VIDEO_PID, 0x0F, TsBytes.AUDIO_PID);
    built.pes(TsBytes.VIDEO_PID, 0xE0, 900_000, TsBytes.concat(sps, new byte[300]));
    built.pes(TsBytes.AUDIO_PID, 0xC0, 900_000, TsBytes.concat(adts, adts));
    Path file = dir.resolve("hand-built.ts");
    Files.write(file, built.bytes());

    // Too short for ffprobe's format probe to be sure: name the format.
    JsonNode probe = ffprobe(file, "-f", "mpegts");

    assertThat(stream(probe, "video").path("codec_name").asText()).isEqualTo("h264");
    assertThat(stream(probe, "video").path("mime_codec_string").asText())
        .as("ffprobe reads the hand-built SPS as High@4.0 too")
        .isEqualTo("avc1.640028");
    assertThat(stream(probe, "audio").path("mime_codec_string").asText()).isEqualTo("mp4a.40.2");
    assertThat(stream(probe, "video").path("id").asText()).isEqualTo("0x100");
    assertThat(stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
    assertThat(stream(probe, "audio").path("id").asText()).isEqualTo("0x101");
    JsonNode video = packets(probe, "video").get(0);
    assertThat(video.path("pts").asLong()).isEqualTo(900_000);
    assertThat(video.path("pos").asLong()).isEqualTo(376);
    assertThat(packets(probe, "audio")).hasSize(2);
  }

  private static boolean isKey(JsonNode packet) {
    return packet.path("flags").asText().startsWith("K");
  }

  private static String boxTypeAt(byte[] b, long offset) {
    return new String(b, (int) offset + 4, 4, StandardCharsets.ISO_8859_1);
  }

  private static long timescale(JsonNode stream) {
    String base = stream.path("time_base").asText();
    assertThat(base).startsWith("1/");
    return Long.parseLong(base.substring(2));
  }

  private static long min(List<JsonNode> packets, String field) {
    return packets.stream().mapToLong(p -> p.path(field).asLong()).min().orElseThrow();
  }

  private static long maxEnd(List<JsonNode> packets) {
    return packets.stream()
        .mapToLong(p -> p.path("pts").asLong() + p.path("duration").asLong())
        .max()
        .orElseThrow();
  }

  private static long sum(List<JsonNode> packets, String field) {
    return packets.stream().mapToLong(p -> p.path(field).asLong()).sum();
  }

  private static JsonNode stream(JsonNode probe, String type) {
    return StreamSupport.stream(probe.path("streams").spliterator(), false)
        .filter(s -> type.equals(s.path("codec_type").asText()))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> packets(JsonNode probe, String type) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : probe.path("packets")) {
      if (type.equals(p.path("codec_type").asText())) {
        out.add(p);
      }
    }
    return out;
  }

  private static Path joined(byte[] init, byte[] segment) throws Exception {
    Path whole = Files.createTempFile(dir, "joined", ".mp4");
    Files.write(whole, TsBytes.concat(init, segment));
    return whole;
  }

  private static JsonNode ffprobe(Path file, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(FfmpegBinaries.ffprobe(), "-v", "error"));
    command.addAll(List.of(options));
    command.addAll(List.of("-show_packets", "-show_streams", "-of", "json", file.toString()));
    ChildProcess.Result r = ChildProcess.run(command, TIMEOUT, null);
    assertThat(r.succeeded()).as(r.stderrTail()).isTrue();
    return JSON.readTree(r.stdout());
  }
}
