package io.hlsforge.storage;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps local scratch bounded: a remote source is only copied to an executor's disk when it fits
 * the configured limit and at most half of the free space (the encoder's output needs the rest).
 */
public final class ScratchBudget {
  private ScratchBudget() {}

  /** Why a source of {@code sourceBytes} may not be copied, or empty when it may. */
  public static Optional<String> refusal(long sourceBytes, long usableBytes, long maxSourceBytes) {
    if (sourceBytes > maxSourceBytes) {
      return Optional.of(
          "source is "
              + sourceBytes
              + " bytes, over hlsforge.scratch-max-source-bytes ("
              + maxSourceBytes
              + ")");
    }
    if (sourceBytes > usableBytes / 2) {
      return Optional.of(
          "source is "
              + sourceBytes
              + " bytes but the scratch disk has only "
              + usableBytes
              + " bytes free (half is kept for encoder output)");
    }
    return Optional.empty();
  }

  /** A source that does not fit the scratch budget. */
  public static final class ExceededException extends IOException {
    public ExceededException(String message) {
      super(message);
    }
  }
}
