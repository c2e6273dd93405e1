package io.hlsforge.config;

/**
 * A picture-quality metric computed per frame by the bundled FFmpeg ({@code hlsforge.quality
 * .metrics}); docs/quality.md says how.
 */
public enum QualityMetric implements ConfigWord {
  /** Luma PSNR, dB ({@code psnr} filter). */
  PSNR,
  /** Luma SSIM, 0..1 ({@code ssim} filter). */
  SSIM,
  /** Luma XPSNR, dB ({@code xpsnr} filter: PSNR weighted by what the eye notices). */
  XPSNR;

  /** The FFmpeg filter that computes it. */
  public String filter() {
    return word();
  }
}
