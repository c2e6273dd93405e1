package io.hlsforge.validate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Subtitle playlists (A14): every WebVTT segment starts with {@code WEBVTT} and carries an {@code
 * X-TIMESTAMP-MAP} with both MPEGTS and LOCAL (RFC 8216 §3.5; without it players cannot place cues
 * on the media timeline), and each subtitle playlist spans the content: its duration within one
 * target duration of the longest audio or video playlist (Apple 5.5).
 */
final class SubtitleRules implements RuleGroup {
  private static final Pattern MAP =
      Pattern.compile(
          "(?m)^X-TIMESTAMP-MAP=(?=.*MPEGTS:\\d+)(?=.*LOCAL:(\\d+:)?\\d{2}:\\d{2}\\.\\d{3}).*$");

  @Override
  public void check(PresentationView view, Findings out) {
    double content =
        view.mediaPlaylists().stream()
            .mapToDouble(m -> m.playlist().segments().stream().mapToDouble(s -> s.duration()).sum())
            .max()
            .orElse(0);
    for (SubtitlePlaylistView p : view.subtitlePlaylists()) {
      for (int i = 0; i < p.segments().size(); i++) {
        String text = p.segments().get(i);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!body.startsWith("WEBVTT")) {
          out.add(Rule.A14, p.uri(), "segment " + i + " does not start with WEBVTT");
        } else if (!MAP.matcher(body.split("\n\n", 2)[0]).find()) {
          out.add(
              Rule.A14,
              p.uri(),
              "segment " + i + " has no X-TIMESTAMP-MAP with MPEGTS and LOCAL in its header");
        }
      }
      double duration = p.playlist().segments().stream().mapToDouble(s -> s.duration()).sum();
      int target = p.playlist().targetDuration() == null ? 0 : p.playlist().targetDuration();
      if (content > 0 && Math.abs(duration - content) > Math.max(target, 1)) {
        out.add(
            Rule.A14,
            p.uri(),
            String.format(
                Locale.ROOT,
                "the subtitle playlist lasts %.3f s, the content %.3f s",
                duration,
                content));
      }
    }
  }
}
