package io.hlsforge.config;

/** Whether publishing copies media objects to hosting ({@code hlsforge.publish.media}). */
public enum PublishMedia implements ConfigWord {
  /** Media objects are copied to hosting, then playlists written. */
  COPY,
  /** Playlists only: the media is already at the hosting location. */
  SKIP;
}
