package io.hlsforge.config;

import java.io.Serializable;

/**
 * The audio every package carries: codec, stereo bit rate and channels, sample rate, 5.1 bit rate.
 */
public record AudioSpec(String codec, int kbps, int channels, int sampleRate, int surroundKbps)
    implements Serializable {}
