package io.hlsforge.hls;

/** A segment as a playlist sees it: its URI (relative to the playlist), duration and size. */
public record MediaSegment(String uri, double durationSeconds, long bytes) {}
