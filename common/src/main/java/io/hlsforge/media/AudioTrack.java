package io.hlsforge.media;

import java.io.Serializable;

/**
 * One audio stream of a source as ffprobe reports it. {@code index} counts the source's audio
 * streams from 0 (ffmpeg's {@code 0:a:<index>}); {@code language} is the container's tag as written
 * (usually ISO 639-2, e.g. {@code spa}), or null; the three flags are ffprobe's dispositions {@code
 * default}, {@code comment} and {@code visual_impaired}. Also the element of the probes table's
 * {@code audio_tracks} column.
 */
public record AudioTrack(
    int index,
    String codec,
    int channels,
    int sampleRate,
    String language,
    String title,
    boolean defaultDisposition,
    boolean commentary,
    boolean visualImpaired)
    implements Serializable {}
