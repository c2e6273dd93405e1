package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The master's EXT-X-MEDIA renditions are well formed (C12): a valid TYPE, GROUP-ID and NAME,
 * LANGUAGE unless video, unique NAMEs, at most one DEFAULT per group and DEFAULT only with
 * AUTOSELECT, CHANNELS on audio, URI on subtitles, and every AUDIO and SUBTITLES group a variant
 * names exists; and (C16, RFC 8216 §4.3.4.1.1) no two AUTOSELECT=YES members of a group share
 * LANGUAGE, ASSOC-LANGUAGE, FORCED and CHARACTERISTICS, so a player choosing by the viewer's
 * language has one answer (stereo and 5.1 of one language in one group break it).
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
    Set<String> subtitleGroups = new HashSet<>();
    Map<String, String> autoselect = new HashMap<>();
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
      if ("YES".equals(media.get("AUTOSELECT"))) {
        String combination =
            String.join(
                "|",
                String.valueOf(media.get("LANGUAGE")),
                String.valueOf(media.get("ASSOC-LANGUAGE")),
                String.valueOf(media.get("FORCED") == null ? "NO" : media.get("FORCED")),
                String.valueOf(media.get("CHARACTERISTICS")));
        String earlier = autoselect.putIfAbsent(type + "/" + group + "/" + combination, name);
        if (earlier != null) {
          out.add(
              Rule.C16,
              where,
              "group "
                  + group
                  + ": \""
                  + earlier
                  + "\" and \""
                  + name
                  + "\" are both AUTOSELECT=YES with LANGUAGE=\""
                  + media.get("LANGUAGE")
                  + "\" and the same FORCED/CHARACTERISTICS");
        }
      }
      if ("SUBTITLES".equals(type)) {
        subtitleGroups.add(group);
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
      String subtitles = v.get("SUBTITLES");
      if (subtitles != null && !subtitleGroups.contains(subtitles)) {
        out.add(
            Rule.C12,
            where,
            "variant "
                + v.uri()
                + " references SUBTITLES group \""
                + subtitles
                + "\" that does not exist");
      }
    }
  }
}
