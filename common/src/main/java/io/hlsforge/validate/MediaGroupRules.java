package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The master's EXT-X-MEDIA renditions are well formed (C12): a valid TYPE, GROUP-ID and NAME,
 * LANGUAGE unless video, unique NAMEs, at most one DEFAULT per group and DEFAULT only with
 * AUTOSELECT, CHANNELS on audio, URI on subtitles, and every AUDIO group a variant names exists.
 */
final class MediaGroupRules implements RuleGroup {
  private static final Set<String> TYPES = Set.of("AUDIO", "VIDEO", "SUBTITLES", "CLOSED-CAPTIONS");

  @Override
  public void check(PresentationView view, Findings out) {
    if (view.master().isEmpty()) {
      return;
    }
    PlaylistParser.Master m = view.master().get();
    String where = view.rootUri();
    Map<String, Set<String>> names = new HashMap<>();
    Map<String, Integer> defaults = new HashMap<>();
    Set<String> audioGroups = new HashSet<>();
    for (PlaylistParser.Tagged media : m.media()) {
      String type = media.get("TYPE");
      String group = media.get("GROUP-ID");
      String name = media.get("NAME");
      if (type == null || !TYPES.contains(type)) {
        out.add(Rule.C12, where, "EXT-X-MEDIA has no valid TYPE: " + media.attributes());
        continue;
      }
      if (group == null || name == null) {
        out.add(
            Rule.C12,
            where,
            "EXT-X-MEDIA TYPE=" + type + " needs GROUP-ID and NAME: " + media.attributes());
        continue;
      }
      if (!"VIDEO".equals(type) && media.get("LANGUAGE") == null) {
        out.add(Rule.C12, where, "EXT-X-MEDIA " + group + "/" + name + " has no LANGUAGE");
      }
      if (!names.computeIfAbsent(type + "/" + group, k -> new HashSet<>()).add(name)) {
        out.add(Rule.C12, where, "NAME \"" + name + "\" appears twice in group " + group);
      }
      if ("YES".equals(media.get("DEFAULT"))) {
        defaults.merge(type + "/" + group, 1, Integer::sum);
        if (!"YES".equals(media.get("AUTOSELECT"))) {
          out.add(
              Rule.C12,
              where,
              "EXT-X-MEDIA " + group + "/" + name + " is DEFAULT=YES without AUTOSELECT=YES");
        }
      }
      if ("AUDIO".equals(type)) {
        audioGroups.add(group);
        if (media.get("CHANNELS") == null) {
          out.add(Rule.C12, where, "audio rendition " + group + "/" + name + " has no CHANNELS");
        }
      }
      if ("SUBTITLES".equals(type) && media.uri() == null) {
        out.add(Rule.C12, where, "subtitles rendition " + group + "/" + name + " has no URI");
      }
    }
    defaults.forEach(
        (g, n) -> {
          if (n > 1) {
            out.add(Rule.C12, where, "group " + g + " has " + n + " DEFAULT=YES renditions");
          }
        });
    for (PlaylistParser.Tagged v : m.variants()) {
      String audio = v.get("AUDIO");
      if (audio != null && !audioGroups.contains(audio)) {
        out.add(
            Rule.C12,
            where,
            "variant " + v.uri() + " references AUDIO group \"" + audio + "\" that does not exist");
      }
    }
  }
}
