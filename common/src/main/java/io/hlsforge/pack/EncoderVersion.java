package io.hlsforge.pack;

import io.hlsforge.media.ChildProcess;
import io.hlsforge.media.FfmpegBinaries;
import java.time.Duration;
import java.util.List;

/** The bundled ffmpeg's version line ("ffmpeg version 8.1.2 ..."), read once per JVM. */
public final class EncoderVersion {
  private static volatile String version;

  private EncoderVersion() {}

  public static String get() {
    if (version == null) {
      synchronized (EncoderVersion.class) {
        if (version == null) {
          try {
            String out =
                ChildProcess.run(
                        List.of(FfmpegBinaries.ffmpeg(), "-hide_banner", "-version"),
                        Duration.ofSeconds(60),
                        null)
                    .stdout();
            String first = out.lines().findFirst().orElse("ffmpeg unknown");
            int copyright = first.indexOf(" Copyright");
            version = copyright > 0 ? first.substring(0, copyright) : first;
          } catch (Exception e) {
            throw new IllegalStateException(
                "Cannot read the bundled ffmpeg's version: " + e.getMessage(), e);
          }
        }
      }
    }
    return version;
  }
}
