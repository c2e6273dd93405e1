package io.hlsforge.model;

import java.io.Serializable;

/**
 * The loudness of an audio rendition before and after packaging: {@code source} is the source track
 * as the rendition carries it (its channels, on the title's timeline), {@code published} the
 * rendition as decoded from its own segments; {@code targetLufs} the normalisation target applied,
 * null when none was.
 */
public record AudioLoudness(Loudness source, Loudness published, Double targetLufs)
    implements Serializable {}
