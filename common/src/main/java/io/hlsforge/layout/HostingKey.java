package io.hlsforge.layout;

/**
 * One object of the hosting layout: its key relative to the hosting root, and whether it is
 * rewritten in place (stable) or never changes once written (immutable). Only {@link HostingLayout}
 * makes these.
 */
public record HostingKey(String path, Lifetime lifetime) {

  /** How long a cache may keep an object: what decides its Cache-Control. */
  public enum Lifetime {
    /**
     * Rewritten in place when a new encoding goes live: the stable master and the hosting index.
     */
    STABLE,
    /** A playlist under a versioned encoding directory: never rewritten with other content. */
    IMMUTABLE_PLAYLIST,
    /** A segment, init segment or single-file media object: never rewritten with other content. */
    IMMUTABLE_MEDIA
  }

  @Override
  public String toString() {
    return path;
  }
}
