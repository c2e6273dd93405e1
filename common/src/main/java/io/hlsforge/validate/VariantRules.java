package io.hlsforge.validate;

import io.hlsforge.hls.BandwidthCalculator;
import io.hlsforge.hls.PlaylistParser;
import io.hlsforge.inspect.SegmentFacts;
import io.hlsforge.inspect.VideoSignal;
import io.hlsforge.model.VideoRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each EXT-X-STREAM-INF against the streams it leads to: CODECS (C1), RESOLUTION and FRAME-RATE
 * (C2), BANDWIDTH (C3, C4) and AVERAGE-BANDWIDTH (C5) from the real segment sizes of the variant
 * and its audio group; VIDEO-RANGE against the transfer and bit depth the video's own parameter
 * sets declare (C17); and one aspect ratio across variants (C10).
 */
final class VariantRules implements RuleGroup {
  @Override
  public void check(PresentationView view, Findings out) {
    if (view.master().isEmpty()) {
      return;
    }
    PlaylistParser.Master m = view.master().get();
    for (PlaylistParser.Tagged v : m.variants()) {
      if (v.get("CODECS") == null) {
        out.add(Rule.C1, view.rootUri(), "variant " + v.uri() + " has no CODECS");
      }
      if (v.get("BANDWIDTH") == null) {
        out.add(Rule.C3, view.rootUri(), "variant " + v.uri() + " has no BANDWIDTH");
      }
      if (v.get("AVERAGE-BANDWIDTH") == null) {
        out.add(Rule.C5, view.rootUri(), "variant " + v.uri() + " has no AVERAGE-BANDWIDTH");
      }
    }
    for (PlaylistParser.Tagged v : m.variants()) {
      Optional<MediaPlaylistView> main = view.playlist(v.uri());
      if (main.isPresent()) {
        String where = view.rootUri() + " → " + v.uri();
        List<MediaPlaylistView> audio = view.audioGroup(v.get("AUDIO"));
        checkCodecs(v, main.get(), audio, where, out);
        checkPicture(v, main.get(), where, out);
        checkVideoRange(v, main.get(), where, out);
        checkBandwidth(v, main.get(), audio, where, out);
      }
    }
    checkAspectRatios(view.rootUri(), m, out);
  }

  /** CODECS must list exactly the codecs really present in the variant and its audio group. */
  private static void checkCodecs(
      PlaylistParser.Tagged v,
      MediaPlaylistView main,
      List<MediaPlaylistView> audio,
      String where,
      Findings out) {
    if (v.get("CODECS") == null || main.codecs().isEmpty()) {
      return;
    }
    Set<String> actual = new TreeSet<>();
    addCodecs(actual, main.codecs());
    audio.forEach(a -> addCodecs(actual, a.codecs()));
    Set<String> declared = new TreeSet<>();
    addCodecs(declared, Optional.of(v.get("CODECS")));
    if (!declared.equals(actual)) {
      out.add(
          Rule.C1,
          where,
          "CODECS=\"" + v.get("CODECS") + "\" but the streams are " + String.join(",", actual));
    }
  }

  /**
   * VIDEO-RANGE (absent means SDR) must be the range the coded transfer characteristics give (16
   * PQ, 18 HLG, anything else SDR), and PQ or HLG must be carried by 10-bit (or deeper) HEVC: an
   * 8-bit or H.264 picture flagged PQ is what made HDR sources look washed out. Only segments whose
   * parameter sets were read are judged.
   */
  private static void checkVideoRange(
      PlaylistParser.Tagged v, MediaPlaylistView main, String where, Findings out) {
    String declared = v.get("VIDEO-RANGE") == null ? "SDR" : v.get("VIDEO-RANGE");
    for (SegmentFacts s : main.inspected()) {
      VideoSignal signal = s.hasVideo() ? s.video().signal() : null;
      if (signal == null) {
        continue;
      }
      VideoRange coded = VideoRange.ofTransferCode(signal.transfer());
      if (!coded.name().equals(declared)) {
        out.add(
            Rule.C17,
            where,
            "VIDEO-RANGE="
                + declared
                + " but the video's transfer_characteristics is "
                + signal.transfer()
                + " ("
                + coded
                + ")");
        return;
      }
      if (coded.isHdr() && (!"hevc".equals(signal.codec()) || signal.bitDepth() < 10)) {
        out.add(
            Rule.C17,
            where,
            coded
                + " carried by "
                + signal.bitDepth()
                + "-bit "
                + signal.codec()
                + ": HDR needs 10-bit HEVC");
        return;
      }
    }
  }

  private static void checkPicture(
      PlaylistParser.Tagged v, MediaPlaylistView main, String where, Findings out) {
    if (!main.hasVideo()) {
      return;
    }
    String resolution = v.get("RESOLUTION");
    String frameRate = v.get("FRAME-RATE");
    if (resolution == null || frameRate == null) {
      out.add(
          Rule.C2,
          where,
          "video variant without " + (resolution == null ? "RESOLUTION" : "FRAME-RATE"));
    }
    main.picture()
        .ifPresent(
            picture -> {
              if (resolution != null) {
                String real = picture.width() + "x" + picture.height();
                if (!resolution.equals(real)) {
                  out.add(Rule.C2, where, "RESOLUTION=" + resolution + " but the video is " + real);
                }
              }
              if (frameRate != null && picture.frameRate() > 0) {
                double declared = parseDouble(frameRate);
                if (Math.abs(declared - picture.frameRate()) > 0.01 * picture.frameRate()) {
                  out.add(
                      Rule.C2,
                      where,
                      String.format(
                          Locale.ROOT,
                          "FRAME-RATE=%s but the video runs at %.3f fps",
                          frameRate,
                          picture.frameRate()));
                }
              }
            });
  }

  private static void checkBandwidth(
      PlaylistParser.Tagged v,
      MediaPlaylistView main,
      List<MediaPlaylistView> audio,
      String where,
      Findings out) {
    if (!main.fullyRead() || !audio.stream().allMatch(MediaPlaylistView::fullyRead)) {
      return; // segments missing: already reported, bit rates would be meaningless
    }
    long peak =
        BandwidthCalculator.peakBitsPerSecond(main.measured(), main.target())
            + audio.stream()
                .mapToLong(a -> BandwidthCalculator.peakBitsPerSecond(a.measured(), a.target()))
                .max()
                .orElse(0);
    long average =
        BandwidthCalculator.averageBitsPerSecond(main.measured())
            + audio.stream()
                .mapToLong(a -> BandwidthCalculator.averageBitsPerSecond(a.measured()))
                .max()
                .orElse(0);
    long bandwidth = parseLong(v.get("BANDWIDTH"));
    if (bandwidth >= 0 && bandwidth + 1 < peak) {
      out.add(
          Rule.C3,
          where,
          "BANDWIDTH=" + bandwidth + " is below the measured peak segment bit rate " + peak);
    } else if (bandwidth > peak * 1.1) {
      out.add(
          Rule.C4,
          where,
          "BANDWIDTH=" + bandwidth + " is more than 10 % above the measured peak " + peak);
    }
    long declaredAverage = parseLong(v.get("AVERAGE-BANDWIDTH"));
    if (declaredAverage >= 0 && Math.abs(declaredAverage - average) > 0.1 * average) {
      out.add(
          Rule.C5,
          where,
          "AVERAGE-BANDWIDTH="
              + declaredAverage
              + " is not within 10 % of the measured average "
              + average);
    }
  }

  private static void checkAspectRatios(String rootUri, PlaylistParser.Master m, Findings out) {
    Set<String> ratios = new TreeSet<>();
    for (PlaylistParser.Tagged v : m.variants()) {
      String r = v.get("RESOLUTION");
      int x = r == null ? -1 : r.indexOf('x');
      if (x > 0) {
        double w = parseDouble(r.substring(0, x));
        double h = parseDouble(r.substring(x + 1));
        if (h > 0) {
          // Even-dimension rounding moves small renditions by up to 2 px; compare at 1 % precision.
          ratios.add(String.format(Locale.ROOT, "%.2f", Math.round(w / h * 50) / 50.0));
        }
      }
    }
    if (ratios.size() > 1) {
      out.add(Rule.C10, rootUri, "video variants have different aspect ratios: " + ratios);
    }
  }

  private static void addCodecs(Set<String> into, Optional<String> codecs) {
    if (codecs.isEmpty()) {
      return;
    }
    for (String c : codecs.get().split(",")) {
      if (!c.isBlank()) {
        into.add(c.strip().toLowerCase(Locale.ROOT));
      }
    }
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
