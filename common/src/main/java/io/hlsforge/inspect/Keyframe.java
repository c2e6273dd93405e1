package io.hlsforge.inspect;

/**
 * A video access unit that can start decoding (an H.264 IDR in TS, a sync sample in fMP4): the byte
 * range an I-frame playlist points at, and when it is shown.
 *
 * @param offset first byte of the range in the segment (a TS packet, or the moof that describes the
 *     sample)
 * @param length bytes up to the end of the access unit
 * @param pts presentation time in seconds (decode time for fMP4)
 */
public record Keyframe(long offset, long length, double pts) {}
