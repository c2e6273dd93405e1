package io.hlsforge.validate;

import io.hlsforge.media.ProbeResult;
import java.util.Locale;

/**
 * The package against the source it was made from, when the caller gives its probe: the duration of
 * its picture within two frames (S1), audio if and only if the source has audio (S2), no rendition
 * larger than the source (S3).
 */
final class SourceRules implements RuleGroup {
  @Override
  public void check(PresentationView view, Findings out) {
    if (view.source().isEmpty()) {
      return;
    }
    ProbeResult source = view.source().get();
    double frame =
        source.frameRate() > 0 ? 1 / source.frameRate() : MediaPlaylistView.AAC_FRAME_48K;
    for (MediaPlaylistView a : view.mediaPlaylists()) {
      // "Two frames" of the playlist's own kind: video frames of the source, or AAC frames.
      double tolerance = 2 * (a.hasVideo() ? frame : a.frame()) + 0.001;
      // The package lasts as long as the source's picture (ProbeResult#titleSeconds).
      if (Math.abs(a.totalDuration() - source.titleSeconds()) > tolerance) {
        out.add(
            Rule.S1,
            a.uri(),
            String.format(
                Locale.ROOT,
                "lasts %.3f s but the source lasts %.3f s",
                a.totalDuration(),
                source.titleSeconds()));
      }
      a.picture()
          .filter(f -> f.height() > source.displayHeight() || f.width() > source.displayWidth())
          .ifPresent(
              f ->
                  out.add(
                      Rule.S3,
                      a.uri(),
                      "rendition "
                          + f.width()
                          + "x"
                          + f.height()
                          + " is larger than the source "
                          + source.displayWidth()
                          + "x"
                          + source.displayHeight()));
    }
    boolean packageHasAudio = view.mediaPlaylists().stream().anyMatch(MediaPlaylistView::hasAudio);
    if (packageHasAudio != source.hasAudio()) {
      out.add(
          Rule.S2,
          view.rootUri(),
          source.hasAudio()
              ? "the source has audio but the package has none"
              : "the package has audio but the source has none");
    }
  }
}
