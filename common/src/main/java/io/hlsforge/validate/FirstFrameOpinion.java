package io.hlsforge.validate;

import io.hlsforge.media.FirstFrameProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the bundled ffprobe about a segment's first video frame: a reading independent of hlsforge's
 * own parsers, for the picture size and frame rate (C2, S3).
 */
final class FirstFrameOpinion {
  private FirstFrameOpinion() {}

  /**
   * ffprobe's facts for {@code media} (a TS segment, or an init segment followed by a fragment);
   * empty when ffprobe cannot say, since then there is simply no second opinion to compare with.
   */
  static Optional<FirstFrameProbe.Facts> of(byte[] media, SegmentContainer container) {
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              "hlsforge-validate-", container == SegmentContainer.FMP4 ? ".mp4" : ".ts");
      Files.write(tmp, media);
      return Optional.of(FirstFrameProbe.of(tmp));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }
}
