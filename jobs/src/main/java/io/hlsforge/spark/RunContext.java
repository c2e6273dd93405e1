package io.hlsforge.spark;

import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.plan.Reuse;
import io.hlsforge.run.RunHooks;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.Serializable;

/**
 * Everything a stage needs to know about the run it belongs to. Serializable: closures ship it to
 * executors. Locations are already normalized Hadoop URIs.
 *
 * @param reuse whether assets whose encoding is already committed are kept ({@code --force} is
 *     {@link Reuse#NONE})
 * @param hooks where tests step into the per-asset tasks; {@link RunHooks#NONE} in production
 */
public record RunContext(
    String runId,
    String runDate,
    String catalogueUri,
    String outputUri,
    String hostingUri,
    HlsforgeSettings settings,
    SerializableHadoopConf hadoopConf,
    Reuse reuse,
    RunHooks hooks)
    implements Serializable {

  public RunContext {
    if (reuse == null) {
      throw new IllegalArgumentException("Cannot build a run context without a reuse mode");
    }
    if (hooks == null) {
      throw new IllegalArgumentException("Cannot build a run context without hooks: use NONE");
    }
  }

  /** Incremental (an asset whose encoding is already committed is not encoded again), no hooks. */
  public RunContext(
      String runId,
      String runDate,
      String catalogueUri,
      String outputUri,
      String hostingUri,
      HlsforgeSettings settings,
      SerializableHadoopConf hadoopConf) {
    this(
        runId,
        runDate,
        catalogueUri,
        outputUri,
        hostingUri,
        settings,
        hadoopConf,
        Reuse.COMMITTED,
        RunHooks.NONE);
  }

  /** The same run with {@code hooks} in its tasks. */
  public RunContext withHooks(RunHooks hooks) {
    return new RunContext(
        runId, runDate, catalogueUri, outputUri, hostingUri, settings, hadoopConf, reuse, hooks);
  }
}
