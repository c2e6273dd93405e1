package io.hlsforge.inspect;

/**
 * An MPEG-TS segment as {@link TsSegmentReader} read it: the neutral facts, plus the codec
 * parameters as numbers for callers that need more than the CODECS string.
 *
 * @param sps the first SPS header of the video stream, null when there is none
 * @param audioObjectType MPEG-4 audio object type (ADTS profile + 1, or 34 for MP3), -1 when absent
 */
public record TsSegment(SegmentFacts facts, SpsHeader sps, int audioObjectType) {}
