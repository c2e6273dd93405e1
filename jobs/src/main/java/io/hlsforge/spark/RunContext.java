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
    SerializableHadoopConf hadoopConf)
    implements Serializable {}
