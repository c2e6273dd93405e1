package io.hlsforge.model;

import java.io.Serializable;

/**
 * Loudness of a stretch of audio by ITU-R BS.1770 / EBU R128, as FFmpeg's {@code ebur128} filter
 * measures it.
 *
 * @param integratedLufs integrated (programme) loudness, LUFS; -70 (the absolute gate) for silence
 * @param rangeLu loudness range (LRA), LU
 * @param truePeakDbtp the highest true peak over all channels, dBTP; null for digital silence
 */
public record Loudness(double integratedLufs, double rangeLu, Double truePeakDbtp)
    implements Serializable {}
