package io.hlsforge.plan;

import io.hlsforge.config.HdrMode;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.RenditionSpec;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.model.VideoCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the renditions of one asset from the configured ladder. Pure. The rules:
 *
 * <ul>
 *   <li>never upscale: rungs taller than the source's display height are skipped; if that removes
 *       every rung, one rendition at the source height is made with the lowest rung's bit rate
 *       scaled by pixel count;
 *   <li>keep the display aspect ratio (SAR and rotation applied) and emit square pixels;
 *   <li>a constant standard frame rate ({@link FrameRates}): natural rate kept, above 60 halved;
 *   <li>even width and height (4:2:0 chroma needs them);
 *   <li>audio is its own rendition (an EXT-X-MEDIA group), chosen by {@link AudioPlanner}: stereo
 *       AAC-LC per kept track, plus 5.1 for a surround track; audio-only sources get just those.
 * </ul>
 */
public final class LadderPlanner {
  public static final String STEREO = AudioPlanner.STEREO;
  public static final String SURROUND = AudioPlanner.SURROUND;

  private LadderPlanner() {}

  public static final String SOURCE = "source";

  public static List<PlannedRendition> plan(ProbeResult probe, HlsforgeSettings settings) {
    return plan(probe, settings, null);
  }

  /**
   * @param audioSelection the catalogue's audio selection for this asset, or null for the
   *     configured default
   */
  public static List<PlannedRendition> plan(
      ProbeResult probe, HlsforgeSettings settings, String audioSelection) {
    List<PlannedRendition> audio =
        AudioPlanner.plan(probe.audioTracks(), settings.audio(), audioSelection);
    if (settings.copy().enabled() && copyQualifies(probe, settings)) {
      return copyPlan(probe, settings, audio);
    }
    if (!probe.hasVideo()) {
      return audio;
    }
    int displayW = probe.displayWidth();
    int displayH = probe.displayHeight();
    if (displayW <= 0 || displayH <= 0) {
      throw new IllegalArgumentException(
          "Cannot plan renditions: source has no usable picture size " + displayW + "x" + displayH);
    }
    double aspect = (double) displayW / displayH;
    double fps = FrameRates.output(probe).value();
    List<PlannedRendition> out = new ArrayList<>();
    for (RenditionSpec rung : settings.ladder()) {
      if (rung.height() <= displayH) {
        out.add(rendition(rung.name(), rung.height(), aspect, rung.videoKbps(), fps));
      }
    }
    for (RenditionSpec rung : settings.hevcLadder()) {
      if (rung.height() <= displayH) {
        PlannedRendition r = rendition(rung.name(), rung.height(), aspect, rung.videoKbps(), fps);
        out.add(PlannedRendition.hevc(r.name(), r.width(), r.height(), r.videoKbps(), fps));
      }
    }
    if (out.isEmpty()) {
      RenditionSpec lowest = settings.ladder().get(settings.ladder().size() - 1);
      int height = even(displayH);
      double pixelShare = (double) height / lowest.height();
      int kbps = (int) Math.max(64, Math.round(lowest.videoKbps() * pixelShare * pixelShare));
      out.add(rendition(height + "p", height, aspect, kbps, fps));
    }
    if (settings.hdr() == HdrMode.SDR_AND_HDR && probe.colour().videoRange().isHdr()) {
      // Each SDR rung gets an HDR twin of the same size and rate: HEVC Main10 keeping the
      // source's PQ or HLG picture, which HDR screens choose by VIDEO-RANGE.
      for (PlannedRendition r : List.copyOf(out)) {
        out.add(
            PlannedRendition.hdr(
                "hdr-" + r.name(),
                r.width(),
                r.height(),
                r.videoKbps(),
                fps,
                probe.colour().videoRange()));
      }
    }
    out.addAll(audio);
    return List.copyOf(out);
  }

  /**
   * Copy mode takes a source as it is when it is already deliverable in MPEG-TS: H.264 video (or
   * none) and AAC audio (MP3 only when allowed; otherwise it is transcoded), square or not, any
   * GOP.
   */
  static boolean copyQualifies(ProbeResult probe, HlsforgeSettings settings) {
    if (settings.fmp4() || !settings.hevcLadder().isEmpty()) {
      return false;
    }
    boolean videoOk =
        !probe.hasVideo()
            || (VideoCodec.H264.word().equals(probe.videoCodec())
                && probe.rotation() == 0
                && !probe.interlaced()
                // Published pictures are 8-bit 4:2:0 SDR BT.709: anything else is re-encoded.
                && probe.colour().isEightBit420()
                && !probe.colour().needsSdrConversion());
    boolean audioOk =
        !probe.hasAudio() || "aac".equals(probe.audioCodec()) || "mp3".equals(probe.audioCodec());
    return videoOk && audioOk && (probe.hasVideo() || probe.hasAudio());
  }

  /**
   * The source's video as it is, and each kept audio track copied when every kept track is one AAC
   * stream (MP3 when allowed); otherwise the audio is transcoded as usual. 5.1 and stereo of one
   * track are one copied stream at the source's own channel count.
   */
  private static List<PlannedRendition> copyPlan(
      ProbeResult probe, HlsforgeSettings settings, List<PlannedRendition> audio) {
    List<PlannedRendition> out = new ArrayList<>();
    if (probe.hasVideo()) {
      out.add(
          PlannedRendition.copiedVideo(SOURCE, probe.width(), probe.height(), probe.frameRate()));
    }
    boolean copyAudio =
        audio.stream()
            .allMatch(
                r -> {
                  if (r.joinsMonoPair()) {
                    return false;
                  }
                  String codec = probe.audioTracks().get(r.sourceTracks().get(0)).codec();
                  return "aac".equals(codec) || "mp3".equals(codec) && settings.copy().allowMp3();
                });
    if (!copyAudio) {
      out.addAll(audio);
      return List.copyOf(out);
    }
    // One copied stream per kept track: its stereo rendition stands for the track.
    int k = 0;
    for (PlannedRendition r : audio) {
      if (r.audioChannels() > settings.audio().channels()) {
        continue; // the surround rendition of a track already copied whole
      }
      int track = r.sourceTracks().get(0);
      int channels = probe.audioTracks().get(track).channels();
      String name = (channels <= 2 ? STEREO : "audio-source") + (k == 0 ? "" : "-" + (k + 1));
      out.add(PlannedRendition.copiedAudio(name, channels, track, r.media()));
      k++;
    }
    return List.copyOf(out);
  }

  private static PlannedRendition rendition(
      String name, int height, double aspect, int videoKbps, double fps) {
    int h = even(height);
    int w = even(h * aspect);
    return PlannedRendition.video(name, w, h, videoKbps, fps);
  }

  /** Rounds to the nearest even number, at least 2. */
  static int even(double value) {
    int e = (int) (Math.round(value / 2.0) * 2);
    return Math.max(2, e);
  }
}
