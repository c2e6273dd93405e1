package io.hlsforge.media;

import io.hlsforge.config.QualityMetric;
import io.hlsforge.model.PictureQuality;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Reads the per-frame stats files of FFmpeg's {@code psnr}, {@code ssim} and {@code xpsnr} filters:
 * one line per frame, starting {@code n:}; the luma value of each, in frame order. Infinite values
 * (identical pictures) become {@link PictureQuality#IDENTICAL_PICTURES_DB}. Pure.
 */
public final class QualityStats {
  private static final Pattern PSNR_Y = Pattern.compile("\\bpsnr_y:(\\S+)");
  private static final Pattern SSIM_Y = Pattern.compile("\\bY:(\\S+)");
  private static final Pattern XPSNR_Y = Pattern.compile("XPSNR y:\\s*(\\S+)");

  private QualityStats() {}

  /**
   * The luma value of every frame the stats file lists, read line by line (a two-hour title at 60
   * fps has 432,000 lines per metric and rendition).
   */
  public static double[] perFrame(QualityMetric metric, Stream<String> lines) {
    Pattern p =
        switch (metric) {
          case PSNR -> PSNR_Y;
          case SSIM -> SSIM_Y;
          case XPSNR -> XPSNR_Y;
        };
    DoubleStream.Builder values = DoubleStream.builder();
    lines.forEach(
        line -> {
          if (!line.startsWith("n:")) {
            return; // xpsnr ends with a summary line
          }
          Matcher m = p.matcher(line);
          if (!m.find()) {
            throw new IllegalArgumentException(
                "Cannot read a " + metric.word() + " value from stats line '" + line.strip() + "'");
          }
          values.add(value(metric, m.group(1)));
        });
    return values.build().toArray();
  }

  private static double value(QualityMetric metric, String text) {
    double v = text.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
    return metric == QualityMetric.SSIM ? v : PictureQuality.capped(v);
  }
}
