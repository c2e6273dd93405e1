package io.hlsforge.inspect;

/** What an fMP4 track carries, from its handler type (hdlr): vide, soun, anything else. */
public enum TrackKind {
  VIDEO,
  AUDIO,
  OTHER;

  static TrackKind ofHandler(String handlerType) {
    return switch (handlerType) {
      case "vide" -> VIDEO;
      case "soun" -> AUDIO;
      default -> OTHER;
    };
  }
}
