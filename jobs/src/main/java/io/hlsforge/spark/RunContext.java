package io.hlsforge.spark;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.Serializable;

/**
 * Everything a stage needs to know about the run it belongs to. Serializable: closures ship it to
 * executors. Locations are already normalized Hadoop URIs.
 */
public record RunContext(
    String runId,
    String runDate,
    String catalogueUri,
    String outputUri,
    String hostingUri,
    HlsforgeSettings settings,
    SerializableHadoopConf hadoopConf,
    boolean force)
    implements Serializable {

  /** Incremental: an asset whose encoding is already committed is not encoded again. */
  public RunContext(
      String runId,
      String runDate,
      String catalogueUri,
      String outputUri,
      String hostingUri,
      HlsforgeSettings settings,
      SerializableHadoopConf hadoopConf) {
    this(runId, runDate, catalogueUri, outputUri, hostingUri, settings, hadoopConf, false);
  }
}
