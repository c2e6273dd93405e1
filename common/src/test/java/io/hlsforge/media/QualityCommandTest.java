package io.hlsforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.testkit.Probes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The quality command, written out by hand for the shapes that matter: an anamorphic interlaced
 * source (deinterlaced, display size), and the HDR branch kept apart from the tone-mapped one.
 */
class QualityCommandTest {
  private static HlsforgeSettings settings(Map<String, String> overrides) {
    return HlsforgeSettings.from(ConfigLoader.load(overrides, Optional.empty(), Optional.empty()));
  }

  @Test
  void anInterlacedAnamorphicSourceIsDeinterlacedAndComparedAtItsDisplaySize() {
    // 720×576 with SAR 64:45 is shown 1024×576; 50i becomes 25 frames a second.
    ProbeResult dv =
        Probes.of(
            "mpegts", 10, 0, "h264", "High", 40, 720, 576, 64, 45, 25, 25, true, 0, null, 0, 0,
            null);
    List<PlannedRendition> video =
        List.of(
            PlannedRendition.video("576p", 1024, 576, 1500, 25),
            PlannedRendition.video("288p", 512, 288, 400, 25));
    List<String> cmd =
        QualityCommand.build(
            "ffmpeg",
            Path.of("/s/src.ts"),
            dv,
            settings(Map.of("hlsforge.quality.metrics", "[psnr, ssim]")),
            null,
            2,
            video,
            List.of(Path.of("/o/576p/ffmpeg.m3u8"), Path.of("/o/288p/ffmpeg.m3u8")));
    String both =
        "scale=1024:576:flags=bicubic,setsar=1,format=yuv420p,setpts=PTS-STARTPTS,extractplanes=y";
    assertThat(cmd.get(cmd.indexOf("-filter_complex") + 1))
        .isEqualTo(
            "[0:v]yadif=mode=send_frame,fps=25/1,"
                + both
                + ",split=4[r0m0][r0m1][r1m0][r1m1]"
                + ";[1:v]"
                + both
                + "[d0m0];[d0m0][r0m0]psnr=stats_file=q0-psnr.log:shortest=1[d0m1]"
                + ";[d0m1][r0m1]ssim=stats_file=q0-ssim.log:shortest=1[d0m2]"
                + ";[2:v]"
                + both
                + "[d1m0];[d1m0][r1m0]psnr=stats_file=q1-psnr.log:shortest=1[d1m1]"
                + ";[d1m1][r1m1]ssim=stats_file=q1-ssim.log:shortest=1[d1m2]");
    assertThat(String.join(" ", cmd))
        .contains(
            "-i /s/src.ts -threads 2 -i /o/576p/ffmpeg.m3u8 -threads 2 -i /o/288p/ffmpeg.m3u8")
        .endsWith("-map [d0m2] -map [d1m2] -f null -");
  }

  @Test
  void hdrRenditionsAreComparedWithTheSourceBeforeToneMapping() {
    ProbeResult pq =
        Probes.of(
                "mp4", 4, 0, "hevc", "Main 10", 120, 640, 360, 1, 1, 25, 25, false, 0, null, 0, 0,
                null)
            .withColour(
                new VideoColour("yuv420p10le", "bt2020", "smpte2084", "bt2020nc", "tv", null));
    List<PlannedRendition> video =
        List.of(
            PlannedRendition.video("360p", 640, 360, 800, 25),
            PlannedRendition.hdr("hdr-360p", 640, 360, 1000, 25, io.hlsforge.model.VideoRange.PQ));
    String graph =
        QualityCommand.build(
                "ffmpeg",
                Path.of("/s/pq.mp4"),
                pq,
                settings(Map.of("hlsforge.quality.metrics", "[psnr]")),
                null,
                0,
                video,
                List.of(Path.of("/o/a.m3u8"), Path.of("/o/b.m3u8")))
            .stream()
            .filter(a -> a.startsWith("[0:v]"))
            .findFirst()
            .orElseThrow();
    assertThat(graph).startsWith("[0:v]split=2[qsdr][qhdr];[qsdr]fps=25/1,zscale=");
    assertThat(graph)
        .contains(
            ";[qhdr]fps=25/1,scale=640:360:flags=bicubic,setsar=1,format=yuv420p10le,"
                + "setpts=PTS-STARTPTS,extractplanes=y,split=1[r1m0]");
  }

  @Test
  void anUnknownMetricIsRefusedNamingTheKeyAndTheWords() {
    assertThatThrownBy(() -> settings(Map.of("hlsforge.quality.metrics", "[psnr, vmaf]")))
        .hasMessage(
            "Cannot use hlsforge.quality.metrics=vmaf: use \"psnr\" or \"ssim\" or \"xpsnr\"");
  }

  @Test
  void normalisingIsRefusedInCopyMode() {
    assertThatThrownBy(
            () ->
                settings(
                    Map.of("hlsforge.audio.loudness-target", "-23", "hlsforge.copy.mode", "auto")))
        .hasMessageStartingWith(
            "Cannot use hlsforge.audio.loudness-target with hlsforge.copy.mode=auto");
  }
}
