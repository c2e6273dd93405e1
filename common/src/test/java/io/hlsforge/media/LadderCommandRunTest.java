package io.hlsforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.LadderPlanner;
import io.hlsforge.testkit.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built commands are ones the bundled ffmpeg accepts and that write what they promise: each
 * rendition's playlist and first segment, with the stream facts read back by the bundled ffprobe.
 */
class LadderCommandRunTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  @TempDir Path dir;

  private static HlsforgeSettings settings(Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    overrides.put("hlsforge.segment-seconds", "2");
    overrides.put("hlsforge.video.preset", "ultrafast");
    overrides.put(
        "hlsforge.ladder",
        "[{name = 360p, height = 360, video-kbps = 500}, {name = 180p, height = 180, video-kbps = 200}]");
    return HlsforgeSettings.from(ConfigLoader.load(overrides, Optional.empty(), Optional.empty()));
  }

  /** Two seconds of a 640x360 25 fps test pattern with a 5.1 tone (H.264 + AAC in MP4). */
  private Path clip() throws IOException, InterruptedException {
    Path clip = dir.resolve("clip.mp4");
    TestMedia.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=640x360:rate=25:duration=2",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=2",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-ac",
        "6",
        "-shortest",
        clip.toString());
    return clip;
  }

  private Path encode(HlsforgeSettings s) throws Exception {
    Path source = clip();
    ProbeResult probe = new MediaProber(TIMEOUT).probe(source);
    Path out = Files.createDirectories(dir.resolve("out"));
    List<String> command =
        LadderCommandBuilder.build(
            FfmpegBinaries.ffmpeg(), source, out, LadderPlanner.plan(probe, s), probe, s, null, 1);
    ChildProcess.Result r = ChildProcess.run(command, TIMEOUT, out);
    assertThat(r.succeeded()).as(String.join(" ", command) + "\n" + r.stderrTail()).isTrue();
    return out;
  }

  /** The one stream of a media file as ffprobe reports it: {@code codec_name=h264}, … */
  private static Map<String, String> stream(Path media) throws Exception {
    ChildProcess.Result r =
        ChildProcess.run(
            List.of(
                FfmpegBinaries.ffprobe(),
                "-v",
                "error",
                "-show_entries",
                "format=nb_streams:stream=codec_type,codec_name,codec_tag_string,width,height,"
                    + "channels,sample_rate",
                "-of",
                "default=noprint_wrappers=1",
                media.toString()),
            TIMEOUT,
            null);
    assertThat(r.succeeded()).as(r.stderrTail()).isTrue();
    Map<String, String> facts = new HashMap<>();
    r.stdout()
        .lines()
        .forEach(l -> facts.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    // An MPEG-TS lists its streams twice (under its program too), hence the count from the format.
    assertThat(facts).containsEntry("nb_streams", "1");
    return facts;
  }

  private static Map<String, String> tsSegment(Path out, String rendition) throws Exception {
    Path dir = out.resolve(rendition);
    assertThat(dir.resolve("ffmpeg.m3u8")).isRegularFile();
    return stream(dir.resolve("segment_00000.ts"));
  }

  /**
   * An fMP4 segment is playable only behind its init segment, the one EXT-X-MAP names (with several
   * variant streams the hls muxer suffixes init.mp4 with the stream's index).
   */
  private Map<String, String> fmp4Segment(Path out, String rendition) throws Exception {
    Path rdir = out.resolve(rendition);
    Matcher map =
        Pattern.compile("#EXT-X-MAP:URI=\"(init[^\"]*\\.mp4)\"")
            .matcher(Files.readString(rdir.resolve("ffmpeg.m3u8")));
    assertThat(map.find()).as("EXT-X-MAP in " + rendition).isTrue();
    Path joined = dir.resolve(rendition + ".mp4");
    Files.write(joined, Files.readAllBytes(rdir.resolve(map.group(1))));
    Files.write(
        joined, Files.readAllBytes(rdir.resolve("segment_00000.m4s")), StandardOpenOption.APPEND);
    return stream(joined);
  }

  @Test
  void theTsLadderWithSurroundAudioIsWrittenAsPlanned() throws Exception {
    Path out = encode(settings(Map.of()));

    assertThat(tsSegment(out, "360p"))
        .containsEntry("codec_name", "h264")
        .containsEntry("width", "640")
        .containsEntry("height", "360");
    assertThat(tsSegment(out, "180p"))
        .containsEntry("codec_name", "h264")
        .containsEntry("width", "320")
        .containsEntry("height", "180");
    assertThat(tsSegment(out, "audio-stereo"))
        .containsEntry("codec_name", "aac")
        .containsEntry("channels", "2")
        .containsEntry("sample_rate", "48000");
    assertThat(tsSegment(out, "audio-51"))
        .containsEntry("codec_name", "aac")
        .containsEntry("channels", "6")
        .containsEntry("sample_rate", "48000");
  }

  @Test
  void theFmp4LadderWithAnHevcRungIsWrittenAsPlanned() throws Exception {
    Path out =
        encode(
            settings(
                Map.of(
                    "hlsforge.segment-format", "fmp4",
                    "hlsforge.hevc-ladder",
                        "[{name = hevc-180p, height = 180, video-kbps = 150}]")));

    assertThat(fmp4Segment(out, "360p"))
        .containsEntry("codec_name", "h264")
        .containsEntry("width", "640")
        .containsEntry("height", "360");
    assertThat(fmp4Segment(out, "hevc-180p"))
        .containsEntry("codec_name", "hevc")
        .containsEntry("codec_tag_string", "hvc1")
        .containsEntry("width", "320")
        .containsEntry("height", "180");
    assertThat(fmp4Segment(out, "audio-51"))
        .containsEntry("codec_name", "aac")
        .containsEntry("channels", "6");
  }
}
