package io.hlsforge.validate;

import io.hlsforge.inspect.SegmentFacts;
import java.util.Optional;

/**
 * One segment of a media playlist that could be read: its place in the playlist, where it is, its
 * size (for bit rates), what its bytes look like and, when it could be inspected, what it holds.
 */
record ReadSegment(
    int index, String uri, long size, SegmentContainer container, Optional<SegmentFacts> facts) {}
