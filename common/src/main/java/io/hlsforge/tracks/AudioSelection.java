package io.hlsforge.tracks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Which audio tracks of a source to keep, as the catalogue's {@code audio} column or {@code
 * hlsforge.audio.tracks} writes it: {@code all}, or a comma-separated list of items, each a track
 * number counted from 1 among the source's audio streams ({@code 2}), two mono track numbers joined
 * as a stereo pair ({@code 1+2}), or a language ({@code spa}, {@code es}, {@code pt-BR}). Parsed
 * once; a malformed text is an error naming it.
 */
public record AudioSelection(List<Item> items) implements Serializable {
  public static final AudioSelection ALL = new AudioSelection(List.of());

  /** One item of a selection. */
  public sealed interface Item extends Serializable {}

  /** Source audio track {@code number} (1-based). */
  public record Track(int number) implements Item {}

  /** Mono tracks {@code left} and {@code right} (1-based) as one stereo rendition. */
  public record Pair(int left, int right) implements Item {}

  /** Every track in this language. */
  public record Language(String tag) implements Item {}

  public AudioSelection {
    items = List.copyOf(items);
  }

  public boolean isAll() {
    return items.isEmpty();
  }

  /**
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static AudioSelection parse(String text) {
    if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
      return ALL;
    }
    List<Item> items = new ArrayList<>();
    for (String raw : text.split(",")) {
      String item = raw.strip();
      if (item.matches("\\d+")) {
        items.add(new Track(number(text, item)));
      } else if (item.matches("\\d+\\s*\\+\\s*\\d+")) {
        String[] lr = item.split("\\+");
        items.add(new Pair(number(text, lr[0].strip()), number(text, lr[1].strip())));
      } else if (item.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
        items.add(new Language(Languages.bcp47(item)));
      } else {
        throw new IllegalArgumentException(
            "Cannot use audio selection '"
                + text
                + "': '"
                + item
                + "' is neither a track number (1), a mono pair (1+2) nor a language (spa, es)");
      }
    }
    return new AudioSelection(items);
  }

  private static int number(String text, String item) {
    int n = Integer.parseInt(item);
    if (n < 1) {
      throw new IllegalArgumentException(
          "Cannot use audio selection '" + text + "': track numbers count from 1, not " + n);
    }
    return n;
  }
}
