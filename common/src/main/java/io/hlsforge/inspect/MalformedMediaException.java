package io.hlsforge.inspect;

/**
 * A segment or init segment whose bytes contradict their own structure: a truncated TS packet, a
 * PSI section or PES header longer than its packet, a box whose size runs past its container. The
 * message says what is malformed and at which byte. It is an {@link IllegalArgumentException}
 * because the bytes are the argument: callers that already treat bad input that way keep working.
 */
public final class MalformedMediaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedMediaException(String message) {
    super(message);
  }
}
