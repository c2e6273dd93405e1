package io.hlsforge.cli;

/** A mistake in how hlsforge was invoked (exit 2), found before any Spark work starts. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
