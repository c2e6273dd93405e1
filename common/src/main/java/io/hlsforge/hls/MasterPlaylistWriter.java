package io.hlsforge.hls;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes a multivariant (master) playlist, variants ordered by BANDWIDTH descending. Pure. */
public final class MasterPlaylistWriter {
  private MasterPlaylistWriter() {}

  public static String write(List<VariantStream> variants) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("Cannot write a master playlist without variants");
    }
    StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    variants.stream().sorted(Comparator.comparingLong(VariantStream::bandwidth).reversed()).forEach(v -> {
      m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(v.bandwidth());
      m.append(",AVERAGE-BANDWIDTH=").append(v.averageBandwidth());
      m.append(",CODECS=\"").append(v.codecs()).append('"');
      if (v.width() > 0 && v.height() > 0) {
        m.append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
      }
      if (v.frameRate() > 0) {
        m.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.frameRate()));
      }
      m.append('\n').append(v.uri()).append('\n');
    });
    return m.toString();
  }
}
