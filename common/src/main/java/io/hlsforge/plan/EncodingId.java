package io.hlsforge.plan;

import io.hlsforge.config.HlsforgeSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of one packaging of one source: a hash of the source fingerprint, the planned
 * renditions, the encoder settings that shape the bytes, and the encoder version. Same inputs →
 * same id → same object names, so a retried task rewrites the same objects.
 */
public final class EncodingId {
  private EncodingId() {}

  public static String of(
      String sourceFingerprint,
      List<PlannedRendition> renditions,
      HlsforgeSettings settings,
      String encoderVersion) {
    return of(sourceFingerprint, renditions, settings, encoderVersion, List.of());
  }

  /**
   * With {@code chunks}: a chunked encode restarts rate control at each join, so it is a different
   * encoding.
   */
  public static String of(
      String sourceFingerprint,
      List<PlannedRendition> renditions,
      HlsforgeSettings settings,
      String encoderVersion,
      List<ChunkPlanner.Chunk> chunks) {
    StringBuilder spec = new StringBuilder();
    if (!chunks.isEmpty()) {
      spec.append("chunks=")
          .append(chunks.size())
          .append('x')
          .append(settings.chunking().segmentsPerChunk())
          .append('\n');
    }
    spec.append("source=").append(sourceFingerprint).append('\n');
    spec.append("encoder=").append(encoderVersion).append('\n');
    spec.append("segment=").append(settings.segmentSeconds()).append('\n');
    spec.append("format=").append(settings.segmentFormat().word()).append('\n');
    spec.append("layout=").append(settings.layout().word()).append('\n');
    spec.append("video=").append(settings.video()).append('\n');
    spec.append("audio=").append(settings.audio()).append('\n');
    for (PlannedRendition r : renditions) {
      spec.append("rendition=").append(r).append('\n');
    }
    return "e" + sha256(spec.toString()).substring(0, 16);
  }

  /** Identifies a source's bytes cheaply: where it is, how long it is, when it last changed. */
  public static String sourceFingerprint(String uri, long length, long modificationTime) {
    return uri + "|" + length + "|" + modificationTime;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
