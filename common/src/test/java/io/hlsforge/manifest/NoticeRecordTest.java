package io.hlsforge.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.media.SubtitleTrack;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeRecordTest {
  private static ProbeRecord probedWith(List<SubtitleTrack> subtitles) {
    return new ProbeRecord(
        "run-1",
        "film",
        "s3a://in/film.mkv",
        null,
        1,
        2,
        "matroska,webm",
        60,
        1,
        "h264",
        "High",
        40,
        1920,
        1080,
        "1:1",
        25,
        25,
        false,
        0,
        "aac",
        2,
        48000,
        "eng",
        7L,
        List.of(),
        subtitles,
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
        null);
  }

  @Test
  void everyBitmapSubtitleStreamIsOneNoticeNamingTheStreamAndTheReason() {
    List<NoticeRecord> notices =
        NoticeRecord.of(
            probedWith(
                List.of(
                    new SubtitleTrack(0, "subrip", "eng", null, true, false, false),
                    new SubtitleTrack(1, "hdmv_pgs_subtitle", "fre", null, false, false, false),
                    new SubtitleTrack(2, "dvd_subtitle", null, null, false, true, false))));

    assertThat(notices)
        .containsExactly(
            new NoticeRecord(
                "run-1",
                "film",
                "s3a://in/film.mkv",
                "probe",
                "subtitles-not-converted",
                "subtitle stream 0:s:1 (hdmv_pgs_subtitle, fre) is not text and cannot become"
                    + " WebVTT: packaged without it",
                7L),
            new NoticeRecord(
                "run-1",
                "film",
                "s3a://in/film.mkv",
                "probe",
                "subtitles-not-converted",
                "subtitle stream 0:s:2 (dvd_subtitle) is not text and cannot become WebVTT:"
                    + " packaged without it",
                7L));
  }

  @Test
  void textSubtitlesAndAnOldRowWithoutTheColumnGiveNone() {
    assertThat(
            NoticeRecord.of(
                probedWith(
                    List.of(new SubtitleTrack(0, "mov_text", "eng", null, true, false, false)))))
        .isEmpty();
    assertThat(NoticeRecord.of(probedWith(null))).isEmpty();
  }
}
