package io.hlsforge.media;

/**
 * A per-asset problem with a reason class. It becomes a {@code failures} row; it never fails the
 * run on its own.
 */
public class MediaException extends Exception {
  /** Reason classes recorded in manifests/failures.reason. */
  public enum Kind {
    /** A catalogue row that cannot be read: its message names the file and line. */
    CATALOGUE_INVALID,
    INVALID_ASSET_ID,
    DUPLICATE_ASSET_ID,
    INPUT_MISSING,
    INPUT_UNREADABLE,
    INPUT_LIMIT_EXCEEDED,
    INPUT_CORRUPT,
    INPUT_UNSUPPORTED,
    ENCODE_FAILED,
    TIMEOUT,
    NATIVE_CRASH,
    PROTOCOL_DENIED,
    OUT_OF_MEMORY,
    STORAGE,
    INVALID_PACKAGE,
    PUBLISH,
    /** An unexpected exception while handling the asset: a bug, or input no check foresaw. */
    INTERNAL
  }

  /** How many stack frames an {@link Kind#INTERNAL} message shows: enough to find the bug. */
  private static final int INTERNAL_FRAMES = 5;

  private final Kind kind;

  public MediaException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MediaException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /**
   * An unexpected exception as an {@link Kind#INTERNAL} failure. The message is the exception and
   * the first frames of its stack trace, one per line, so the failures row alone says where it
   * happened (the run summary shows the first line).
   */
  public static MediaException internal(RuntimeException e) {
    StringBuilder message = new StringBuilder("internal error: ").append(e);
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(INTERNAL_FRAMES, frames.length); i++) {
      message.append("\n\tat ").append(frames[i]);
    }
    if (frames.length > INTERNAL_FRAMES) {
      message.append("\n\t... ").append(frames.length - INTERNAL_FRAMES).append(" more");
    }
    return new MediaException(Kind.INTERNAL, message.toString(), e);
  }

  public Kind kind() {
    return kind;
  }
}
