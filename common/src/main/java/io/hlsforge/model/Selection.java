package io.hlsforge.model;

import io.hlsforge.config.ConfigWord;

/**
 * How a player may pick an EXT-X-MEDIA rendition (RFC 8216 §4.3.4.1): DEFAULT is {@code
 * DEFAULT=YES,AUTOSELECT=YES}, AUTO is {@code DEFAULT=NO,AUTOSELECT=YES}, MANUAL is {@code
 * DEFAULT=NO,AUTOSELECT=NO} (only on the viewer's request: commentary, a second track in the same
 * language). One type so that DEFAULT without AUTOSELECT cannot be written.
 */
public enum Selection implements ConfigWord {
  DEFAULT,
  AUTO,
  MANUAL;

  public boolean isDefault() {
    return this == DEFAULT;
  }

  public boolean autoselect() {
    return this != MANUAL;
  }
}
