package io.hlsforge.hls;

/** One EXT-X-MEDIA TYPE=AUDIO rendition of an audio group. */
public record AudioMedia(
    String groupId, String name, String language, int channels, boolean isDefault, String uri) {}
