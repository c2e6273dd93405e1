package io.hlsforge.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.AudioTrack;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.plan.ProbedAsset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRecordTest {
  /** A DVD-style anamorphic source: 720x576 stored, SAR 64:45, 5.1 audio. */
  private static final ProbedAsset DVD =
      new ProbedAsset(
          "dvd",
          "hdfs://nn/media/dvd.mpg",
          734_003_200L,
          1_600_000_000_123L,
          new ProbeResult(
              "mpeg",
              5400.5,
              6_000_000,
              "mpeg2video",
              "Main",
              8,
              720,
              576,
              64,
              45,
              25,
              25,
              true,
              0,
              "ac3",
              6,
              48000,
              "fra"));

  @Test
  void aRowRecordsTheRunTheCatalogueTitleTheSourceVersionAndEveryProbedFact() {
    ProbeRecord row = ProbeRecord.of("run-7", "Le film", DVD, 1_700_000_000_000L);

    assertThat(row)
        .isEqualTo(
            new ProbeRecord(
                "run-7",
                "dvd",
                "hdfs://nn/media/dvd.mpg",
                "Le film",
                734_003_200L,
                1_600_000_000_123L,
                "mpeg",
                5400.5,
                6_000_000,
                "mpeg2video",
                "Main",
                8,
                720,
                576,
                "64:45",
                25,
                25,
                true,
                0,
                "ac3",
                6,
                48000,
                "fra",
                1_700_000_000_000L,
                List.of(new AudioTrack(0, "ac3", 6, 48000, "fra", null, true, false, false)),
                List.of(),
                null,
                List.of()));
  }

  @Test
  void aRowGivesBackTheAssetItWasMadeFrom() {
    assertThat(ProbeRecord.of("run-7", "Le film", DVD, 1L).toAsset()).isEqualTo(DVD);
  }

  @Test
  void anOldAudioOnlyRowWithoutSampleAspectRatioMeansSquarePixelsAndOneTrack() {
    ProbeRecord row =
        new ProbeRecord(
            "r",
            "talk",
            "file:/talk.mp3",
            null,
            10,
            20,
            "mp3",
            60,
            128_000,
            null,
            null,
            0,
            0,
            0,
            null,
            0,
            0,
            false,
            0,
            "mp3",
            2,
            44100,
            null,
            30,
            null,
            null,
            null,
            null);

    ProbedAsset asset = row.toAsset();

    // A row written before audio_tracks existed: its one track is what the audio columns say.
    assertThat(asset.probe().audioTracks())
        .containsExactly(new AudioTrack(0, "mp3", 2, 44100, null, null, true, false, false));

    assertThat(asset.probe().hasVideo()).isFalse();
    assertThat(asset.probe().sarNum()).isEqualTo(1);
    assertThat(asset.probe().sarDen()).isEqualTo(1);
    assertThat(asset.sourceFingerprint()).isEqualTo("file:/talk.mp3|10|20");
  }
}
