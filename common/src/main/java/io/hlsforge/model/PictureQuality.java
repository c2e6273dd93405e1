package io.hlsforge.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Picture quality of a run of frames (a segment, or a whole rendition): the mean over its frames of
 * each metric that was computed, null for a metric that was not (docs/quality.md). Luma values:
 * PSNR and XPSNR in dB, SSIM from 0 to 1.
 *
 * @param frames how many frames were compared
 */
public record PictureQuality(int frames, Double psnrYDb, Double ssim, Double xpsnrDb)
    implements Serializable {

  /**
   * PSNR and XPSNR of identical pictures are infinite; such frames count as this many dB, so means
   * stay finite and comparable (no rendition of a real encode comes near it).
   */
  public static final double IDENTICAL_PICTURES_DB = 100.0;

  public PictureQuality {
    if (frames <= 0) {
      throw new IllegalArgumentException(
          "Cannot measure picture quality over " + frames + " frames");
    }
  }

  /** A per-frame dB value as stored: infinity (identical pictures) becomes the cap. */
  public static double capped(double db) {
    return Double.isInfinite(db) && db > 0
        ? IDENTICAL_PICTURES_DB
        : Math.min(db, IDENTICAL_PICTURES_DB);
  }

  /** The frame-weighted mean of {@code parts} (a rendition from its segments); null if none. */
  public static PictureQuality combine(List<PictureQuality> parts) {
    List<PictureQuality> known = parts.stream().filter(Objects::nonNull).toList();
    if (known.isEmpty()) {
      return null;
    }
    int frames = known.stream().mapToInt(PictureQuality::frames).sum();
    return new PictureQuality(
        frames,
        weighted(known, PictureQuality::psnrYDb, frames),
        weighted(known, PictureQuality::ssim, frames),
        weighted(known, PictureQuality::xpsnrDb, frames));
  }

  private static Double weighted(
      List<PictureQuality> parts,
      java.util.function.Function<PictureQuality, Double> metric,
      int frames) {
    double sum = 0;
    for (PictureQuality p : parts) {
      Double v = metric.apply(p);
      if (v == null) {
        return null; // a metric not computed for every part has no mean over the whole
      }
      sum += v * p.frames();
    }
    return sum / frames;
  }
}
