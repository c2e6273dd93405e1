package io.hlsforge.config;

import java.io.Serializable;

/** The audio every package carries: codec, bit rate, channel count and sample rate. */
public record AudioSpec(String codec, int kbps, int channels, int sampleRate) implements Serializable {}
