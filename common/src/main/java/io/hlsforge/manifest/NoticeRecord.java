package io.hlsforge.manifest;

import io.hlsforge.media.SubtitleTrack;
import io.hlsforge.run.Stage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of manifests/notices: something of one asset the run left out while still packaging the
 * asset (not a failure: the asset has no failures row for it). {@code kind} is a {@link NoticeKind}
 * word; {@code message} names the stream and the reason.
 */
public record NoticeRecord(
    String runId,
    String assetId,
    String sourceUri,
    String stage,
    String kind,
    String message,
    long noticedAtMs)
    implements Serializable {

  /** The notices a probed asset gives: one per subtitle stream that will not become WebVTT. */
  public static List<NoticeRecord> of(ProbeRecord probe) {
    List<NoticeRecord> out = new ArrayList<>();
    if (probe.subtitleTracks() == null) {
      return out;
    }
    for (SubtitleTrack t : probe.subtitleTracks()) {
      if (!t.isText()) {
        out.add(
            new NoticeRecord(
                probe.runId(),
                probe.assetId(),
                probe.sourceUri(),
                Stage.PROBE.id(),
                NoticeKind.SUBTITLES_NOT_CONVERTED.word(),
                "subtitle stream 0:s:"
                    + t.index()
                    + " ("
                    + t.codec()
                    + (t.language() == null ? "" : ", " + t.language())
                    + ") is not text and cannot become WebVTT: packaged without it",
                probe.probedAtMs()));
      }
    }
    return out;
  }
}
