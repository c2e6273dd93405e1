package io.hlsforge.validate;

/**
 * What an fMP4 playlist's EXT-X-MAP init segment declares about its one track.
 *
 * @param timescale ticks per second of the track's media clock
 * @param sampleRate Hz for audio, 0 for video
 * @param codec the RFC 6381 codec string, or null when the sample entry is not understood
 */
record InitSegment(StreamKind kind, long timescale, int sampleRate, String codec) {}
