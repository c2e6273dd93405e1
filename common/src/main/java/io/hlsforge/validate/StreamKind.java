package io.hlsforge.validate;

/** The kinds of elementary stream a media playlist turned out to carry. */
enum StreamKind {
  VIDEO,
  AUDIO
}
