package io.hlsforge.media;

import java.io.Serializable;

/**
 * One subtitle stream of a source as ffprobe reports it. {@code index} counts the source's subtitle
 * streams from 0 (ffmpeg's {@code 0:s:<index>}); {@code codec} is ffprobe's codec name ({@code
 * mov_text}, {@code subrip}, {@code ass}, {@code webvtt}, {@code hdmv_pgs_subtitle}, …); {@code
 * forced} and {@code hearingImpaired} are its dispositions. Also the element of the probes table's
 * {@code subtitle_tracks} column.
 */
public record SubtitleTrack(
    int index,
    String codec,
    String language,
    String title,
    boolean defaultDisposition,
    boolean forced,
    boolean hearingImpaired)
    implements Serializable {

  /** Text subtitles become WebVTT renditions; bitmap ones (PGS, DVB, VobSub) cannot. */
  public boolean isText() {
    return switch (codec == null ? "" : codec) {
      case "mov_text", "subrip", "srt", "ass", "ssa", "webvtt", "text" -> true;
      default -> false;
    };
  }
}
