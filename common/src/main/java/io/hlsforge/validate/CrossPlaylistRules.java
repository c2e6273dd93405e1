package io.hlsforge.validate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * All audio and video playlists of the presentation against each other: one target duration (A9),
 * one time range (A10), identical segment boundaries across video renditions (A11), and an AAC
 * rendition among the audio ones (D7).
 */
final class CrossPlaylistRules implements RuleGroup {
  private static final double AAC_FRAME_48K = MediaPlaylistView.AAC_FRAME_48K;

  @Override
  public void check(PresentationView view, Findings out) {
    List<MediaPlaylistView> all = view.mediaPlaylists();
    Set<Integer> targets = new TreeSet<>();
    all.forEach(a -> targets.add(a.target()));
    if (targets.size() > 1) {
      out.add(Rule.A9, view.rootUri(), "media playlists use different target durations " + targets);
    }
    checkTimeRanges(all, out);
    checkAac(view, out);
    checkBoundaries(all.stream().filter(MediaPlaylistView::hasVideo).toList(), out);
  }

  private static void checkTimeRanges(List<MediaPlaylistView> all, Findings out) {
    // One video frame, plus two AAC frames for the encoder's priming and its final partial frame.
    double tolerance =
        all.stream().mapToDouble(MediaPlaylistView::frame).max().orElse(AAC_FRAME_48K)
            + 2 * AAC_FRAME_48K;
    for (MediaPlaylistView a : all) {
      MediaPlaylistView first = all.get(0);
      if (Math.abs(a.totalDuration() - first.totalDuration()) > tolerance) {
        out.add(
            Rule.A10,
            a.uri(),
            String.format(
                Locale.ROOT,
                "lasts %.3f s but %s lasts %.3f s",
                a.totalDuration(),
                first.uri(),
                first.totalDuration()));
      }
      if (!a.inspected().isEmpty() && !first.inspected().isEmpty()) {
        double s1 = a.inspected().get(0).start();
        double s0 = first.inspected().get(0).start();
        if (Math.abs(s1 - s0) > tolerance) {
          out.add(
              Rule.A10,
              a.uri(),
              String.format(
                  Locale.ROOT, "starts at %.3f s but %s starts at %.3f s", s1, first.uri(), s0));
        }
      }
    }
  }

  private static void checkAac(PresentationView view, Findings out) {
    List<MediaPlaylistView> audio =
        view.mediaPlaylists().stream().filter(MediaPlaylistView::hasAudio).toList();
    boolean aac =
        audio.stream()
            .anyMatch(
                a ->
                    a.codecs()
                        .filter(
                            c ->
                                c.contains("mp4a.40.2")
                                    || c.contains("mp4a.40.5")
                                    || c.contains("mp4a.40.29"))
                        .isPresent());
    if (!audio.isEmpty() && !aac) {
      out.add(
          Rule.D7,
          view.rootUri(),
          "no AAC audio rendition: players that follow Apple's rules may not play "
              + audio.stream().map(a -> a.codecs().orElse(null)).distinct().toList());
    }
  }

  private static void checkBoundaries(List<MediaPlaylistView> video, Findings out) {
    for (MediaPlaylistView v : video) {
      MediaPlaylistView ref = video.get(0);
      double[] b0 = boundaries(ref);
      double[] b1 = boundaries(v);
      double halfFrame = ref.frame() / 2;
      boolean same = b0.length == b1.length;
      for (int i = 0; same && i < b0.length; i++) {
        same = Math.abs(b0[i] - b1[i]) <= halfFrame;
      }
      if (!same) {
        out.add(
            Rule.A11,
            v.uri(),
            "segment boundaries differ from "
                + ref.uri()
                + ": "
                + Arrays.toString(b1)
                + " vs "
                + Arrays.toString(b0));
      }
    }
  }

  /** Where each segment ends, from the EXTINF durations, to the millisecond. */
  private static double[] boundaries(MediaPlaylistView a) {
    double[] out = new double[a.playlist().segments().size()];
    double t = 0;
    for (int i = 0; i < out.length; i++) {
      t += a.playlist().segments().get(i).duration();
      out[i] = Math.round(t * 1000) / 1000.0;
    }
    return out;
  }
}
