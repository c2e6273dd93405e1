package io.hlsforge.inspect;

import java.util.List;

/**
 * The samples of an fMP4 media segment as its moof boxes describe them.
 *
 * @param startSeconds decode time of the first fragment (tfdt)
 * @param durationSeconds sum of all sample durations
 * @param samples number of samples
 * @param startsWithSync the first sample is a sync sample
 * @param syncSamples every sync sample, each as the range from its moof to the sample's end
 */
public record Mp4Fragment(
    double startSeconds,
    double durationSeconds,
    int samples,
    boolean startsWithSync,
    List<Keyframe> syncSamples) {
  public Mp4Fragment {
    syncSamples = List.copyOf(syncSamples);
  }
}
