package io.hlsforge.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.media.AudioTrack;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.media.VideoColour;
import io.hlsforge.model.VideoRange;
import io.hlsforge.plan.ProbedAsset;
import io.hlsforge.testkit.Probes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRecordTest {
  /** A DVD-style anamorphic source: 720x576 stored, SAR 64:45, 5.1 audio. */
  private static final ProbedAsset DVD =
      Probes.asset(
          "dvd",
          "hdfs://nn/media/dvd.mpg",
          734_003_200L,
          1_600_000_000_123L,
          Probes.of(
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
                List.of(),
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void theTimelineAndColourOfAnHdrSourceGoBackAndForth() {
    ProbeResult p = DVD.probe();
    ProbedAsset hdr =
        new ProbedAsset(
            "hdr",
            "file:/hdr.mkv",
            1,
            2,
            new ProbeResult(
                "matroska,webm",
                12,
                1,
                "hevc",
                "Main 10",
                120,
                3840,
                2160,
                1,
                1,
                24,
                24,
                false,
                0,
                "eac3",
                6,
                48000,
                "eng",
                p.audioTracks(),
                List.of(),
                1.4,
                1.5,
                10.0,
                new VideoColour("yuv420p10le", "bt2020", "smpte2084", "bt2020nc", "tv")),
            null,
            List.of());

    ProbeRecord row = ProbeRecord.of("r", null, hdr, 3L);

    assertThat(row.colorTransfer()).isEqualTo("smpte2084");
    assertThat(row.videoStartS()).isEqualTo(1.5);
    assertThat(row.toAsset()).isEqualTo(hdr);
    // The title starts 0.1 s into the container, with its picture, and lasts as long as it.
    assertThat(row.toAsset().probe().leadInSeconds()).isCloseTo(0.1, within(1e-9));
    assertThat(row.toAsset().probe().titleSeconds()).isEqualTo(10.0);
    assertThat(row.toAsset().probe().colour().videoRange()).isEqualTo(VideoRange.PQ);
    assertThat(row.toAsset().probe().colour().bitDepth()).isEqualTo(10);
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
            null,
            0,
            0,
            0,
            null,
            null,
            null,
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
