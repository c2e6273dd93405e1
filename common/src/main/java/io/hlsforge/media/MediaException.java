package io.hlsforge.media;

/**
 * A per-asset problem with a reason class. It becomes a {@code failures} row; it never fails the
 * run on its own.
 */
public class MediaException extends Exception {
  /** Reason classes recorded in manifests/failures.reason. */
  public enum Kind {
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
    PUBLISH
  }

  private final Kind kind;

  public MediaException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MediaException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
