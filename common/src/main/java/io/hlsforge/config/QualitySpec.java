package io.hlsforge.config;

import java.io.Serializable;
import java.util.List;

/**
 * Which picture-quality metrics each re-encoded video rendition is measured with ({@code
 * hlsforge.quality.metrics}); none by default. The metrics do not change what is encoded, so they
 * are no part of the encoding id: titles already packaged are measured only when packaged again
 * ({@code --force}).
 */
public record QualitySpec(List<QualityMetric> metrics) implements Serializable {
  public QualitySpec {
    metrics = List.copyOf(metrics.stream().distinct().toList());
  }

  public boolean enabled() {
    return !metrics.isEmpty();
  }
}
