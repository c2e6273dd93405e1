package io.hlsforge.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A setting with a fixed set of values, each written as one word in the config ({@code "ts"},
 * {@code "single-file"}). Enums implement it and are parsed once, in {@link HlsforgeSettings#from},
 * so a typo fails the run at start with the key and the allowed words instead of silently behaving
 * like some default.
 */
public interface ConfigWord {
  /** The constant's name, as every enum has it. */
  String name();

  /**
   * How the value is written in the config (and, where it is stored, in the manifests): the
   * constant's name in lower case with '-' for '_' ({@code SINGLE_FILE} is {@code "single-file"}).
   */
  default String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant of {@code type} written {@code value} at {@code key}; a clear error otherwise. */
  static <E extends Enum<E> & ConfigWord> E parse(Class<E> type, String key, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.word().equals(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "Cannot use "
            + key
            + "="
            + value
            + ": use "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> "\"" + e.word() + "\"")
                .collect(Collectors.joining(" or ")));
  }
}
