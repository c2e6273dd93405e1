package io.hlsforge.media;

import org.bytedeco.javacpp.Loader;

/**
 * Paths of the ffmpeg and ffprobe executables that JavaCV's {@code org.bytedeco:ffmpeg} artifact
 * ships. JavaCPP extracts them (with their shared libraries) into its cache on first use, once per
 * JVM, so no system ffmpeg is ever needed.
 */
public final class FfmpegBinaries {
  private static volatile String ffmpeg;
  private static volatile String ffprobe;

  private FfmpegBinaries() {}

  public static String ffmpeg() {
    if (ffmpeg == null) {
      synchronized (FfmpegBinaries.class) {
        if (ffmpeg == null) {
          ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        }
      }
    }
    return ffmpeg;
  }

  /** The directory JavaCPP extracted the executables and their shared libraries into. */
  public static String libraryDirectory() {
    return java.nio.file.Path.of(ffmpeg()).getParent().toString();
  }

  public static String ffprobe() {
    if (ffprobe == null) {
      synchronized (FfmpegBinaries.class) {
        if (ffprobe == null) {
          ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        }
      }
    }
    return ffprobe;
  }
}
