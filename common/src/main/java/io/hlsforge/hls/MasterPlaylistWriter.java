package io.hlsforge.hls;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a multivariant (master) playlist: audio groups (EXT-X-MEDIA), variants ordered by
 * BANDWIDTH descending, then I-frame playlists. Pure.
 */
public final class MasterPlaylistWriter {
  private MasterPlaylistWriter() {}

  public static String write(List<VariantStream> variants) {
    return write(List.of(), variants, List.of());
  }

  public static String write(
      List<AudioMedia> audio, List<VariantStream> variants, List<IFrameStream> iframes) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("Cannot write a master playlist without variants");
    }
    StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    for (AudioMedia a : audio) {
      m.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"")
          .append(a.groupId())
          .append("\",LANGUAGE=\"")
          .append(a.language())
          .append("\",NAME=\"")
          .append(a.name())
          .append("\",DEFAULT=")
          .append(a.isDefault() ? "YES" : "NO")
          .append(",AUTOSELECT=YES,CHANNELS=\"")
          .append(a.channels())
          .append("\",URI=\"")
          .append(a.uri())
          .append("\"\n");
    }
    variants.stream()
        .sorted(Comparator.comparingLong(VariantStream::bandwidth).reversed())
        .forEach(
            v -> {
              m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(v.bandwidth());
              m.append(",AVERAGE-BANDWIDTH=").append(v.averageBandwidth());
              m.append(",CODECS=\"").append(v.codecs()).append('"');
              if (v.width() > 0 && v.height() > 0) {
                m.append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
              }
              if (v.frameRate() > 0) {
                m.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.frameRate()));
              }
              if (v.audioGroup() != null) {
                m.append(",AUDIO=\"").append(v.audioGroup()).append('"');
              }
              m.append('\n').append(v.uri()).append('\n');
            });
    iframes.stream()
        .sorted(Comparator.comparingLong(IFrameStream::bandwidth).reversed())
        .forEach(
            i ->
                m.append("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=")
                    .append(i.bandwidth())
                    .append(",CODECS=\"")
                    .append(i.codecs())
                    .append("\",RESOLUTION=")
                    .append(i.width())
                    .append('x')
                    .append(i.height())
                    .append(",URI=\"")
                    .append(i.uri())
                    .append("\"\n"));
    return m.toString();
  }
}
