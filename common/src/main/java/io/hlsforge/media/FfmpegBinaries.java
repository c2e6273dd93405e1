package io.hlsforge.media;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.Loader;

/**
 * Paths of the ffmpeg and ffprobe executables that JavaCV's {@code org.bytedeco:ffmpeg} artifact
 * ships. JavaCPP extracts them (with their shared libraries) into its cache on first use, once per
 * JVM, so no system ffmpeg is ever needed. The GPL build's libavdevice links against PulseAudio's
 * client library, so {@code libpulse0} must be installed (bin/setup does it).
 */
public final class FfmpegBinaries {
  private static final Map<Class<?>, String> PATHS = new ConcurrentHashMap<>();

  private FfmpegBinaries() {}

  public static String ffmpeg() {
    return PATHS.computeIfAbsent(org.bytedeco.ffmpeg.ffmpeg.class, FfmpegBinaries::extract);
  }

  public static String ffprobe() {
    return PATHS.computeIfAbsent(org.bytedeco.ffmpeg.ffprobe.class, FfmpegBinaries::extract);
  }

  private static String extract(Class<?> executable) {
    try {
      return Loader.load(executable);
    } catch (UnsatisfiedLinkError e) {
      // The usual cause on a fresh machine is a missing system library of the FFmpeg build.
      throw new IllegalStateException(
          "Cannot load the bundled "
              + executable.getSimpleName()
              + ": "
              + e.getMessage()
              + " (install libpulse0, e.g. by running bin/setup, on every node)",
          e);
    }
  }

  /**
   * Prints the bundled ffmpeg, ffprobe and their library directory, one per line (for bin/bench).
   */
  public static void main(String[] args) {
    System.out.println(ffmpeg());
    System.out.println(ffprobe());
    System.out.println(libraryDirectory());
  }

  /** The directory JavaCPP extracted the executables and their shared libraries into. */
  public static String libraryDirectory() {
    return Path.of(ffmpeg()).getParent().toString();
  }
}
