package io.hlsforge.pack;

import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins the parts of a chunked title (one per video chunk, one for the audio) into one package.
 * Each segment keeps the picture quality its chunk measured, so a rendition's quality is the
 * frame-weighted mean over all chunks; loudness comes with the one part that holds the audio. Pure.
 */
public final class PackageParts {
  private PackageParts() {}

  /**
   * One package from its parts: segments of each rendition in index order, renditions in the order
   * the parts first name them, packaging time summed over the parts. Refuses parts that disagree on
   * a rendition's CODECS or repeat a segment index.
   */
  public static EncodedPackage merge(List<EncodedPackage> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    EncodedPackage first = parts.get(0);
    Map<String, PackagedRendition> templates = new LinkedHashMap<>();
    Map<String, Long> packageMs = new HashMap<>();
    Map<String, List<Segment>> segments = new HashMap<>();
    for (EncodedPackage part : parts) {
      for (PackagedRendition r : part.renditions()) {
        PackagedRendition seen = templates.putIfAbsent(r.name(), r);
        packageMs.merge(r.name(), r.packageMs(), Long::sum);
        if (seen != null && !Objects.equals(seen.codecs(), r.codecs())) {
          throw new IllegalArgumentException(
              "Cannot join the chunks of "
                  + part.assetId()
                  + "/"
                  + r.name()
                  + ": CODECS "
                  + seen.codecs()
                  + " vs "
                  + r.codecs());
        }
        segments.computeIfAbsent(r.name(), k -> new ArrayList<>()).addAll(r.segments());
      }
    }
    List<PackagedRendition> renditions = new ArrayList<>();
    for (PackagedRendition t : templates.values()) {
      List<Segment> mine = new ArrayList<>(segments.get(t.name()));
      mine.sort(Comparator.comparingInt(Segment::index));
      for (int i = 1; i < mine.size(); i++) {
        if (mine.get(i).index() == mine.get(i - 1).index()) {
          throw new IllegalArgumentException(
              "Cannot join the chunks of "
                  + first.assetId()
                  + "/"
                  + t.name()
                  + ": segment "
                  + mine.get(i).index()
                  + " appears twice");
        }
      }
      renditions.add(
          new PackagedRendition(
              t.name(),
              t.kind(),
              t.width(),
              t.height(),
              t.frameRate(),
              t.videoKbpsTarget(),
              t.audioKbpsTarget(),
              t.audioChannels(),
              t.media(),
              t.sourceTracks(),
              t.codecs(),
              t.segmentFormat(),
              t.mediaUri(),
              t.initFileName(),
              mine,
              packageMs.get(t.name()),
              t.videoRange(),
              t.loudness()));
    }
    return new EncodedPackage(first.assetId(), first.encodingId(), renditions);
  }
}
