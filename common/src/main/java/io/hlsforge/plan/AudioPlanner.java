package io.hlsforge.plan;

import io.hlsforge.config.AudioSpec;
import io.hlsforge.media.AudioTrack;
import io.hlsforge.model.MediaAttributes;
import io.hlsforge.model.Selection;
import io.hlsforge.tracks.AudioSelection;
import io.hlsforge.tracks.Languages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the audio renditions of one asset from its audio tracks (docs/tracks.md). Pure. The
 * rules:
 *
 * <ul>
 *   <li>the kept tracks: the catalogue's selection, else {@code hlsforge.audio.tracks}; {@code all}
 *       keeps every track, except that a source whose tracks are all mono (a broadcast delivery)
 *       keeps tracks 1+2 as one stereo pair; a language list that matches no track keeps the
 *       source's default track, so a catalogue-wide preference never leaves a title silent;
 *   <li>every kept track gets a stereo AAC-LC rendition in the stereo group, and a surround track
 *       (six channels or more) also a 5.1 one in the surround group;
 *   <li>LANGUAGE is the track's tag as BCP 47, NAME its title, else its language's name, unique in
 *       the group; a track flagged {@code visual_impaired} has the describes-video characteristic;
 *   <li>in each group one DEFAULT: the first track in the first preferred language, else the
 *       source's default track, else the first; a member whose LANGUAGE/FORCED/CHARACTERISTICS
 *       repeat an earlier AUTOSELECT member's, or a commentary, is not AUTOSELECT (RFC 8216
 *       §4.3.4.1.1).
 * </ul>
 *
 * The first kept track's renditions keep the names the first releases used ({@code audio-stereo},
 * {@code audio-51}); the n-th kept track's are suffixed {@code -n}.
 */
public final class AudioPlanner {
  public static final String STEREO = "audio-stereo";
  public static final String SURROUND = "audio-51";

  private AudioPlanner() {}

  /** One kept source of audio: a track, or two mono tracks joined. */
  record Kept(List<Integer> tracks, AudioTrack track, int channels) {}

  /**
   * @throws IllegalArgumentException when the selection is malformed or names a track the source
   *     does not have
   */
  public static List<PlannedRendition> plan(
      List<AudioTrack> tracks, AudioSpec spec, String catalogueSelection) {
    if (tracks.isEmpty()) {
      return List.of();
    }
    List<Kept> kept = keep(tracks, selection(spec, catalogueSelection));
    int preferred = preferred(kept, spec.preferredLanguages());
    List<PlannedRendition> stereo = new ArrayList<>();
    List<PlannedRendition> surround = new ArrayList<>();
    for (int k = 0; k < kept.size(); k++) {
      Kept t = kept.get(k);
      String suffix = k == 0 ? "" : "-" + (k + 1);
      MediaAttributes media = attributes(t.track());
      stereo.add(
          PlannedRendition.audio(STEREO + suffix, spec.kbps(), spec.channels(), t.tracks(), media));
      if (t.channels() >= 6) {
        surround.add(
            PlannedRendition.audio(SURROUND + suffix, spec.surroundKbps(), 6, t.tracks(), media));
      }
    }
    List<PlannedRendition> out = new ArrayList<>();
    out.addAll(withSelections(stereo, kept, preferred));
    out.addAll(withSelections(surround, kept, preferred));
    return List.copyOf(out);
  }

  static AudioSelection selection(AudioSpec spec, String catalogueSelection) {
    return catalogueSelection != null && !catalogueSelection.isBlank()
        ? AudioSelection.parse(catalogueSelection)
        : AudioSelection.parse(spec.tracks());
  }

  static List<Kept> keep(List<AudioTrack> tracks, AudioSelection selection) {
    List<Kept> out = new ArrayList<>();
    if (selection.isAll()) {
      boolean allMono = tracks.size() >= 2 && tracks.stream().allMatch(t -> t.channels() == 1);
      if (allMono) {
        return List.of(new Kept(List.of(0, 1), tracks.get(0), 2));
      }
      for (AudioTrack t : tracks) {
        out.add(new Kept(List.of(t.index()), t, t.channels()));
      }
      return out;
    }
    Set<List<Integer>> seen = new HashSet<>();
    for (AudioSelection.Item item : selection.items()) {
      if (item instanceof AudioSelection.Track t) {
        AudioTrack track = track(tracks, t.number());
        add(out, seen, new Kept(List.of(track.index()), track, track.channels()));
      } else if (item instanceof AudioSelection.Pair p) {
        AudioTrack left = mono(tracks, p.left());
        AudioTrack right = mono(tracks, p.right());
        add(out, seen, new Kept(List.of(left.index(), right.index()), left, 2));
      } else if (item instanceof AudioSelection.Language l) {
        for (AudioTrack t : tracks) {
          if (Languages.sameLanguage(t.language(), l.tag())) {
            add(out, seen, new Kept(List.of(t.index()), t, t.channels()));
          }
        }
      }
    }
    if (out.isEmpty()) {
      AudioTrack fallback =
          tracks.stream().filter(AudioTrack::defaultDisposition).findFirst().orElse(tracks.get(0));
      out.add(new Kept(List.of(fallback.index()), fallback, fallback.channels()));
    }
    return out;
  }

  private static void add(List<Kept> out, Set<List<Integer>> seen, Kept k) {
    if (seen.add(k.tracks())) {
      out.add(k);
    }
  }

  private static AudioTrack track(List<AudioTrack> tracks, int number) {
    if (number > tracks.size()) {
      throw new IllegalArgumentException(
          "Cannot keep audio track "
              + number
              + ": the source has "
              + tracks.size()
              + " audio track"
              + (tracks.size() == 1 ? "" : "s"));
    }
    return tracks.get(number - 1);
  }

  private static AudioTrack mono(List<AudioTrack> tracks, int number) {
    AudioTrack t = track(tracks, number);
    if (t.channels() != 1) {
      throw new IllegalArgumentException(
          "Cannot pair audio track "
              + number
              + " as one side of a stereo pair: it has "
              + t.channels()
              + " channels, not 1");
    }
    return t;
  }

  /** The kept track that is DEFAULT: preferred language, else the source's default, else first. */
  static int preferred(List<Kept> kept, List<String> preferredLanguages) {
    for (String language : preferredLanguages) {
      for (int k = 0; k < kept.size(); k++) {
        AudioTrack t = kept.get(k).track();
        if (!t.commentary() && Languages.sameLanguage(t.language(), language)) {
          return k;
        }
      }
    }
    for (int k = 0; k < kept.size(); k++) {
      if (kept.get(k).track().defaultDisposition() && !kept.get(k).track().commentary()) {
        return k;
      }
    }
    return 0;
  }

  static MediaAttributes attributes(AudioTrack t) {
    String language = Languages.bcp47(t.language());
    String name = t.title();
    if (name == null) {
      String languageName = Languages.name(language);
      name = languageName == null ? "Audio" : languageName;
      if (t.commentary()) {
        name += " commentary";
      } else if (t.visualImpaired()) {
        name += " audio description";
      }
    }
    return new MediaAttributes(
        language,
        name,
        Selection.AUTO,
        false,
        t.visualImpaired() ? MediaAttributes.DESCRIBES_VIDEO : null);
  }

  /**
   * One group's renditions with DEFAULT on the preferred track's (else the group's first), AUTO or
   * MANUAL per RFC 8216 §4.3.4.1.1, and NAMEs made unique.
   */
  private static List<PlannedRendition> withSelections(
      List<PlannedRendition> group, List<Kept> kept, int preferred) {
    if (group.isEmpty()) {
      return List.of();
    }
    int defaultIndex = 0;
    for (int i = 0; i < group.size(); i++) {
      if (group.get(i).sourceTracks().equals(kept.get(preferred).tracks())) {
        defaultIndex = i;
      }
    }
    List<PlannedRendition> out = new ArrayList<>();
    Set<String> autoselectKeys = new HashSet<>();
    Map<String, Integer> names = new LinkedHashMap<>();
    // The default member claims its autoselect combination first.
    autoselectKeys.add(group.get(defaultIndex).media().autoselectKey());
    for (int i = 0; i < group.size(); i++) {
      PlannedRendition r = group.get(i);
      MediaAttributes m = r.media();
      AudioTrack track = trackOf(kept, r);
      Selection s;
      if (i == defaultIndex) {
        s = Selection.DEFAULT;
      } else if (track.commentary() || !autoselectKeys.add(m.autoselectKey())) {
        s = Selection.MANUAL;
      } else {
        s = Selection.AUTO;
      }
      int seen = names.merge(m.name(), 1, Integer::sum);
      String name = seen == 1 ? m.name() : m.name() + " " + seen;
      out.add(with(r, m.withSelection(s).withName(name)));
    }
    return out;
  }

  private static AudioTrack trackOf(List<Kept> kept, PlannedRendition r) {
    return kept.stream()
        .filter(k -> k.tracks().equals(r.sourceTracks()))
        .findFirst()
        .orElseThrow()
        .track();
  }

  private static PlannedRendition with(PlannedRendition r, MediaAttributes media) {
    return PlannedRendition.audio(
        r.name(), r.audioKbps(), r.audioChannels(), r.sourceTracks(), media);
  }
}
