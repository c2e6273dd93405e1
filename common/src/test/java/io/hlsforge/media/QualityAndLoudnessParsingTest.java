package io.hlsforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.config.LoudnessSpec;
import io.hlsforge.config.QualityMetric;
import io.hlsforge.model.Loudness;
import io.hlsforge.model.PictureQuality;
import io.hlsforge.plan.PlannedRendition;
import io.hlsforge.testkit.Probes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text FFmpeg 8.1's quality and loudness filters write, as captured from the bundled binary,
 * read back; and the loudnorm stage built from a first pass. Expected values are read off the
 * captured text by eye or worked out by hand.
 */
class QualityAndLoudnessParsingTest {
  @Test
  void perFrameLumaValuesOfEachFilterWithInfinityCapped() {
    String psnr =
        "n:1 mse_avg:102.34 mse_y:73.52 mse_u:92.93 mse_v:227.05 psnr_avg:28.03 psnr_y:29.47"
            + " psnr_u:28.45 psnr_v:24.57 \n"
            + "n:2 mse_avg:0.00 mse_y:0.00 mse_u:0.00 mse_v:0.00 psnr_avg:inf psnr_y:inf"
            + " psnr_u:inf psnr_v:inf \n";
    assertThat(QualityStats.perFrame(QualityMetric.PSNR, psnr.lines()))
        .containsExactly(29.47, 100.0);
    String ssim =
        "n:1 Y:0.897499 U:0.865782 V:0.891452 All:0.891205 (9.633917)\n"
            + "n:2 Y:1.000000 U:1.000000 V:1.000000 All:1.000000 (inf)\n";
    assertThat(QualityStats.perFrame(QualityMetric.SSIM, ssim.lines()))
        .containsExactly(0.897499, 1.0);
    String xpsnr =
        "n:    1  XPSNR y: 30.9082  XPSNR u: 30.3197  XPSNR v: 26.4052\n"
            + "n:    2  XPSNR y: inf  XPSNR u: inf  XPSNR v: inf\n"
            + "\n"
            + "XPSNR average, 2 frames  y: 24.1215  u: 20.1609  v: 16.7645  (minimum: 16.7645)\n";
    assertThat(QualityStats.perFrame(QualityMetric.XPSNR, xpsnr.lines()))
        .containsExactly(30.9082, 100.0);
    assertThatThrownBy(() -> QualityStats.perFrame(QualityMetric.PSNR, Stream.of("n:1 garbage")))
        .hasMessageContaining("Cannot read a psnr value from stats line 'n:1 garbage'");
  }

  @Test
  void aRenditionIsTheFrameWeightedMeanOfItsSegments() {
    // 50 frames at 40 dB and 25 frames at 31 dB: (50×40 + 25×31) / 75 = 37 dB.
    PictureQuality q =
        PictureQuality.combine(
            List.of(
                new PictureQuality(50, 40.0, 0.99, null),
                new PictureQuality(25, 31.0, 0.96, null)));
    assertThat(q.frames()).isEqualTo(75);
    assertThat(q.psnrYDb()).isCloseTo(37.0, within(1e-9));
    assertThat(q.ssim()).isCloseTo(0.98, within(1e-9));
    assertThat(q.xpsnrDb()).isNull();
    assertThat(PictureQuality.combine(List.of())).isNull();
  }

  @Test
  void theEbur128SummaryIsReadWithSilenceAsNoPeak() {
    String log =
        "[in#0/hls @ 0x557a] Opening 'r0/s3.ts' for reading\n"
            + "[Parsed_ebur128_0 @ 0x7f0f] Summary:\n\n"
            + "  Integrated loudness:\n    I:         -21.8 LUFS\n    Threshold: -31.8 LUFS\n\n"
            + "  Loudness range:\n    LRA:         0.1 LU\n    Threshold: -41.8 LUFS\n"
            + "    LRA low:   -21.8 LUFS\n    LRA high:  -21.8 LUFS\n\n"
            + "  True peak:\n    Peak:      -14.6 dBFS\n"
            + "[out#0/null @ 0x557a] video:0KiB audio:348KiB subtitle:0KiB\n";
    Ebur128Summary s = Ebur128Summary.parseAll(log).get(0);
    assertThat(s.loudness()).isEqualTo(new Loudness(-21.8, 0.1, -14.6));
    assertThat(s.thresholdLufs()).isEqualTo(-31.8);
    assertThat(s.silent()).isFalse();
    Ebur128Summary silence =
        Ebur128Summary.parseAll(
                log.replace("-21.8 LUFS\n    Threshold: -31.8", "-70.0 LUFS\n    Threshold: -70.0")
                    .replace("-14.6 dBFS", "-inf dBFS"))
            .get(0);
    assertThat(silence.loudness().truePeakDbtp()).isNull();
    assertThat(silence.silent()).isTrue();
    assertThat(Ebur128Summary.parseAll("no summary here")).isEmpty();
  }

  @Test
  void severalMetersOfOneGraphComeBackInGraphOrder() {
    // As the bundled ffmpeg printed them for two chains of one graph: torn down last first.
    String meter =
        "] Summary:\n\n  Integrated loudness:\n    I:         %s LUFS\n    Threshold: -31.8 LUFS\n\n"
            + "  Loudness range:\n    LRA:         0.1 LU\n    Threshold: -41.8 LUFS\n"
            + "    LRA low:   -21.8 LUFS\n    LRA high:  -21.8 LUFS\n\n"
            + "  True peak:\n    Peak:      %s dBFS\n";
    String log =
        "[Parsed_ebur128_6 @ 0x7f90c00160c0"
            + String.format(meter, "-21.8", "-14.6")
            + "[Parsed_ebur128_5 @ 0x7f90c0015c00"
            + String.format(meter, "-27.8", "-26.7")
            + "[out#0/null @ 0x55] video:0KiB audio:696KiB\n";
    assertThat(Ebur128Summary.parseAll(log))
        .extracting(e -> e.loudness().integratedLufs())
        .containsExactly(-27.8, -21.8);
  }

  @Test
  void theSecondPassGetsTheFirstPassValuesAndARangeWideEnoughForOneGain() {
    Ebur128Summary measured = new Ebur128Summary(new Loudness(-16.2, 11.3, -0.4), -26.5);
    ProbeResult podcast =
        Probes.of("mp3", 60, 0, null, null, 0, 0, 0, 0, 0, 0, 0, false, 0, "mp3", 2, 44100, null);
    PlannedRendition stereo = PlannedRendition.audio("audio-stereo", 128, 2);
    String chain =
        LoudnessCommands.normalised(
                podcast, List.of(stereo), stereo, new LoudnessSpec(-23.0, -1.0), measured)
            .orElseThrow();
    // An audio-only title needs no timeline alignment; the range target is the source's 11.3 LU
    // rounded up plus 1, so loudnorm can use one linear gain.
    assertThat(chain)
        .isEqualTo(
            "aformat=channel_layouts=stereo,loudnorm=I=-23.0:TP=-1.0:LRA=13.0:measured_I=-16.20"
                + ":measured_LRA=11.30:measured_TP=-0.40:measured_thresh=-26.50:linear=true"
                + ":print_format=none");
    assertThat(
            LoudnessCommands.normalised(
                podcast, List.of(stereo), stereo, LoudnessSpec.off(), measured))
        .as("off")
        .isEmpty();
    assertThat(
            LoudnessCommands.normalised(
                podcast,
                List.of(stereo),
                stereo,
                new LoudnessSpec(-23.0, -1.0),
                new Ebur128Summary(new Loudness(-70.0, 0.0, null), -70.0)))
        .as("silence is left as it is")
        .isEmpty();
  }

  @Test
  void targetsOutsideWhatLoudnormTakesAreRefusedByKey() {
    assertThatThrownBy(() -> new LoudnessSpec(-2.0, -1.0))
        .hasMessageStartingWith("Cannot use hlsforge.audio.loudness-target=-2.0");
    assertThatThrownBy(() -> new LoudnessSpec(-23.0, 1.0))
        .hasMessageStartingWith("Cannot use hlsforge.audio.true-peak-ceiling=1.0");
  }
}
