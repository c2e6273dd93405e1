package io.hlsforge.catalogue;

/**
 * A catalogue that cannot be read at all: missing, empty, without the required header or columns,
 * or of a format hlsforge does not read. A usage error: the run stops before any work, with one
 * line naming the file and the reason.
 */
public final class UnreadableCatalogueException extends RuntimeException {
  public UnreadableCatalogueException(String catalogue, String reason) {
    super("Cannot read catalogue " + catalogue + ": " + reason);
  }

  public UnreadableCatalogueException(String catalogue, String reason, Throwable cause) {
    super("Cannot read catalogue " + catalogue + ": " + reason, cause);
  }
}
