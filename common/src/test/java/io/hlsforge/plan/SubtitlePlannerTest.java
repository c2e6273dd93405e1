package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.media.SubtitleTrack;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.tracks.SubtitleSidecar;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitlePlannerTest {
  private static String line(PlannedRendition r) {
    MediaAttributes m = r.media();
    return r.name()
        + " "
        + (r.sidecarUri() == null ? "0:s:" + r.sourceTracks().get(0) : r.sidecarUri())
        + " "
        + m.language()
        + " '"
        + m.name()
        + "' "
        + m.selection()
        + (m.forced() ? " FORCED" : "")
        + (m.characteristics() == null ? "" : " " + m.characteristics());
  }

  @Test
  void textTracksThenSidecarsBitmapsLeftOut() {
    List<SubtitleTrack> tracks =
        List.of(
            new SubtitleTrack(0, "subrip", "eng", null, true, false, false),
            new SubtitleTrack(1, "hdmv_pgs_subtitle", "eng", null, false, false, false),
            new SubtitleTrack(2, "ass", "eng", null, false, false, true),
            new SubtitleTrack(3, "mov_text", "fre", "Français", false, true, false),
            new SubtitleTrack(4, "webvtt", "eng", null, false, false, false));
    List<SubtitleSidecar> sidecars =
        List.of(new SubtitleSidecar("de", "file:/m/film.de.srt", false));

    assertThat(SubtitlePlanner.plan(tracks, sidecars))
        .extracting(SubtitlePlannerTest::line)
        .containsExactly(
            "subtitles-1 0:s:0 en 'English' AUTO",
            "subtitles-2 0:s:2 en 'English SDH' AUTO " + SubtitlePlanner.SDH,
            "subtitles-3 0:s:3 fr 'Français' AUTO FORCED",
            // Same language, forced flag and characteristics as subtitles-1: not AUTOSELECT.
            "subtitles-4 0:s:4 en 'English 2' MANUAL",
            "subtitles-5 file:/m/film.de.srt de 'German' AUTO");
  }

  @Test
  void sidecarsNextToTheSourceAndInTheCatalogue() {
    assertThat(SubtitleSidecar.nextToSource("Film 1", "Film 1.pt-BR.forced.vtt", "u"))
        .isEqualTo(new SubtitleSidecar("pt-br", "u", true));
    assertThat(SubtitleSidecar.nextToSource("Film 1", "Film 1.es.SRT", "u"))
        .isEqualTo(new SubtitleSidecar("es", "u", false));
    assertThat(SubtitleSidecar.nextToSource("Film", "Film 1.es.srt", "u")).isNull();
    assertThat(SubtitleSidecar.nextToSource("Film", "Film.srt", "u")).isNull();
    assertThat(SubtitleSidecar.parseCell(" en=subs/a.en.srt; fr:forced=https://x/b.vtt ;"))
        .containsExactly(
            new SubtitleSidecar("en", "subs/a.en.srt", false),
            new SubtitleSidecar("fr", "https://x/b.vtt", true));
    assertThatThrownBy(() -> SubtitleSidecar.parseCell("subs/a.srt"))
        .hasMessage(
            "Cannot use subtitles 'subs/a.srt': 'subs/a.srt' is not language=location"
                + " (e.g. en=subs/film.en.srt)");
    assertThatThrownBy(() -> SubtitleSidecar.parseCell("en=a.sub"))
        .hasMessage("Cannot use subtitles 'en=a.sub': a.sub is neither .srt nor .vtt");
  }
}
