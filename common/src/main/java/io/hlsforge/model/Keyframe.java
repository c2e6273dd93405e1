package io.hlsforge.model;

import java.io.Serializable;

/**
 * One IDR access unit of a video segment: when it is shown (seconds from the segment's first
 * keyframe) and where its bytes are (offset within the segment, length). I-frame playlists are made
 * of these.
 */
public record Keyframe(double timeS, long offset, long length) implements Serializable {}
