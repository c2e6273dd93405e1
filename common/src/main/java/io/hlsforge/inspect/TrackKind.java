package io.hlsforge.inspect;

/**
 * What a track or elementary stream carries. For an fMP4 track it comes from the handler type
 * (hdlr): vide, soun, anything else; the validator also uses it for the kinds of stream a media
 * playlist turned out to carry.
 */
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
