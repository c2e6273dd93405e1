package io.hlsforge.hls;

import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.RenditionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a multivariant (master) playlist: audio and subtitle groups (EXT-X-MEDIA), variants
 * grouped by their audio group in the order the groups are first declared and, within a group,
 * ordered by BANDWIDTH descending, then I-frame playlists. Pure.
 */
public final class MasterPlaylistWriter {
  private MasterPlaylistWriter() {}

  public static String write(List<VariantStream> variants) {
    return write(List.of(), variants, List.of());
  }

  public static String write(
      List<MediaTag> media, List<VariantStream> variants, List<IFrameStream> iframes) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("Cannot write a master playlist without variants");
    }
    StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    List<String> groupOrder = new ArrayList<>();
    for (MediaTag t : media) {
      if (t.type() == RenditionKind.AUDIO && !groupOrder.contains(t.groupId())) {
        groupOrder.add(t.groupId());
      }
      MediaAttributes a = t.media();
      m.append("#EXT-X-MEDIA:TYPE=")
          .append(t.type() == RenditionKind.AUDIO ? "AUDIO" : "SUBTITLES")
          .append(",GROUP-ID=\"")
          .append(t.groupId())
          .append("\",LANGUAGE=\"")
          .append(a.language())
          .append("\",NAME=\"")
          .append(a.name())
          .append("\",DEFAULT=")
          .append(a.selection().isDefault() ? "YES" : "NO")
          .append(",AUTOSELECT=")
          .append(a.selection().autoselect() ? "YES" : "NO");
      if (a.forced()) {
        m.append(",FORCED=YES");
      }
      if (a.characteristics() != null) {
        m.append(",CHARACTERISTICS=\"").append(a.characteristics()).append('"');
      }
      if (t.channels() > 0) {
        m.append(",CHANNELS=\"").append(t.channels()).append('"');
      }
      m.append(",URI=\"").append(t.uri()).append("\"\n");
    }
    Comparator<VariantStream> byGroup =
        Comparator.comparingInt(
            v -> v.audioGroup() == null ? -1 : groupOrder.indexOf(v.audioGroup()));
    variants.stream()
        .sorted(
            byGroup.thenComparing(Comparator.comparingLong(VariantStream::bandwidth).reversed()))
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
              if (v.videoRange() != null) {
                m.append(",VIDEO-RANGE=").append(v.videoRange().name());
              }
              if (v.audioGroup() != null) {
                m.append(",AUDIO=\"").append(v.audioGroup()).append('"');
              }
              if (v.subtitlesGroup() != null) {
                m.append(",SUBTITLES=\"").append(v.subtitlesGroup()).append('"');
              }
              m.append('\n').append(v.uri()).append('\n');
            });
    iframes.stream()
        .sorted(Comparator.comparingLong(IFrameStream::bandwidth).reversed())
        .forEach(
            i -> {
              m.append("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=")
                  .append(i.bandwidth())
                  .append(",CODECS=\"")
                  .append(i.codecs())
                  .append("\",RESOLUTION=")
                  .append(i.width())
                  .append('x')
                  .append(i.height());
              if (i.videoRange() != null) {
                m.append(",VIDEO-RANGE=").append(i.videoRange().name());
              }
              m.append(",URI=\"").append(i.uri()).append("\"\n");
            });
    return m.toString();
  }
}
