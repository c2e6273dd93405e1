package io.hlsforge.plan;

import io.hlsforge.media.SubtitleTrack;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.Selection;
import io.hlsforge.tracks.Languages;
import io.hlsforge.tracks.SubtitleSidecar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the subtitle renditions of one asset (docs/tracks.md). Pure. Every embedded text subtitle
 * stream (mov_text, SubRip, ASS/SSA, WebVTT), in source order, then every sidecar file, becomes a
 * segmented WebVTT rendition {@code subtitles-<n>}; bitmap streams (PGS, DVB, VobSub) cannot be and
 * are left out (the probes row lists them, with {@code text = false}).
 *
 * <p>LANGUAGE is BCP 47, NAME the title or the language's name ("English (forced)", "English SDH"
 * for hearing-impaired tracks, which carry the transcribes-dialog characteristics). No subtitle
 * rendition is DEFAULT: players show subtitles when the viewer asks, or forced ones by themselves.
 * Every member is AUTOSELECT unless it repeats an earlier AUTOSELECT member's LANGUAGE, FORCED and
 * CHARACTERISTICS (RFC 8216 §4.3.4.1.1).
 */
public final class SubtitlePlanner {
  public static final String NAME_PREFIX = "subtitles-";

  /** Apple's characteristics for subtitles for the deaf and hard of hearing. */
  public static final String SDH =
      "public.accessibility.transcribes-spoken-dialog,public.accessibility.describes-music-and-sound";

  private SubtitlePlanner() {}

  public static List<PlannedRendition> plan(
      List<SubtitleTrack> tracks, List<SubtitleSidecar> sidecars) {
    List<PlannedRendition> out = new ArrayList<>();
    Set<String> autoselect = new HashSet<>();
    Map<String, Integer> names = new HashMap<>();
    for (SubtitleTrack t : tracks) {
      if (t.isText()) {
        MediaAttributes m =
            attributes(t.language(), t.title(), t.forced(), t.hearingImpaired(), autoselect, names);
        out.add(PlannedRendition.subtitles(NAME_PREFIX + (out.size() + 1), t.index(), null, m));
      }
    }
    for (SubtitleSidecar s : sidecars) {
      MediaAttributes m = attributes(s.language(), null, s.forced(), false, autoselect, names);
      out.add(PlannedRendition.subtitles(NAME_PREFIX + (out.size() + 1), null, s.uri(), m));
    }
    return List.copyOf(out);
  }

  private static MediaAttributes attributes(
      String tag,
      String title,
      boolean forced,
      boolean hearingImpaired,
      Set<String> autoselect,
      Map<String, Integer> names) {
    String language = Languages.bcp47(tag);
    String name = title;
    if (name == null) {
      String languageName = Languages.name(language);
      name = languageName == null ? "Subtitles" : languageName;
      name += forced ? " (forced)" : hearingImpaired ? " SDH" : "";
    }
    int seen = names.merge(name, 1, Integer::sum);
    if (seen > 1) {
      name = name + " " + seen;
    }
    MediaAttributes m =
        new MediaAttributes(language, name, Selection.AUTO, forced, hearingImpaired ? SDH : null);
    return autoselect.add(m.autoselectKey()) ? m : m.withSelection(Selection.MANUAL);
  }
}
