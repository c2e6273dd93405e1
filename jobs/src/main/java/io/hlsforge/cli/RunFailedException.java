package io.hlsforge.cli;

/**
 * A run that ended with more failed assets than {@code max-failure-ratio} allows: exit status 1,
 * and under YARN cluster mode the application's diagnostic. Its summary is already printed.
 */
final class RunFailedException extends RuntimeException {
  RunFailedException(String verdict) {
    super(verdict);
  }
}
