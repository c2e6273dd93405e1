package io.hlsforge.spark;

import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.media.MediaException;
import java.io.Serializable;

/** The result of one asset in one stage: a value, or the failure row that replaces it. */
public record Outcome<T extends Serializable>(T value, FailureRecord failure)
    implements Serializable {
  public static <T extends Serializable> Outcome<T> ok(T value) {
    return new Outcome<>(value, null);
  }

  public static <T extends Serializable> Outcome<T> failed(FailureRecord failure) {
    return new Outcome<>(null, failure);
  }

  public static <T extends Serializable> Outcome<T> failed(
      RunContext run, String assetId, String sourceUri, String stage, MediaException e) {
    return failed(
        new FailureRecord(
            run.runId(),
            assetId,
            sourceUri,
            stage,
            e.kind().name(),
            e.getMessage(),
            System.currentTimeMillis()));
  }

  public boolean succeeded() {
    return failure == null;
  }
}
