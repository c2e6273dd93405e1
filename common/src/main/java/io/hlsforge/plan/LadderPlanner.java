package io.hlsforge.plan;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.config.RenditionSpec;
import io.hlsforge.media.ProbeResult;
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
 *   <li>even width and height (4:2:0 chroma needs them);
 *   <li>audio-only sources get a single audio rendition.
 * </ul>
 */
public final class LadderPlanner {
  public static final String AUDIO_RENDITION = "audio";

  private LadderPlanner() {}

  public static List<PlannedRendition> plan(ProbeResult probe, HlsforgeSettings settings) {
    int audioKbps = probe.hasAudio() ? settings.audio().kbps() : 0;
    if (!probe.hasVideo()) {
      return List.of(new PlannedRendition(AUDIO_RENDITION, 0, 0, 0, audioKbps, 0));
    }
    int displayW = probe.displayWidth();
    int displayH = probe.displayHeight();
    if (displayW <= 0 || displayH <= 0) {
      throw new IllegalArgumentException("Cannot plan renditions: source has no usable picture size " + displayW + "x" + displayH);
    }
    double aspect = (double) displayW / displayH;
    List<PlannedRendition> out = new ArrayList<>();
    for (RenditionSpec rung : settings.ladder()) {
      if (rung.height() <= displayH) {
        out.add(rendition(rung.name(), rung.height(), aspect, rung.videoKbps(), audioKbps, probe.frameRate()));
      }
    }
    if (out.isEmpty()) {
      RenditionSpec lowest = settings.ladder().get(settings.ladder().size() - 1);
      int height = even(displayH);
      double pixelShare = (double) height / lowest.height();
      int kbps = (int) Math.max(64, Math.round(lowest.videoKbps() * pixelShare * pixelShare));
      out.add(rendition(height + "p", height, aspect, kbps, audioKbps, probe.frameRate()));
    }
    return List.copyOf(out);
  }

  private static PlannedRendition rendition(String name, int height, double aspect, int videoKbps, int audioKbps, double fps) {
    int h = even(height);
    int w = even(h * aspect);
    return new PlannedRendition(name, w, h, videoKbps, audioKbps, fps);
  }

  /** Rounds to the nearest even number, at least 2. */
  static int even(double value) {
    int e = (int) (Math.round(value / 2.0) * 2);
    return Math.max(2, e);
  }
}
