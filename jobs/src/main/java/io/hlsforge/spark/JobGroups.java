package io.hlsforge.spark;

import io.hlsforge.run.Stage;
import org.apache.spark.sql.SparkSession;

/** Names each stage's Spark jobs for operators in the Spark UI: stage, run id, run date. */
public final class JobGroups {
  private JobGroups() {}

  public static void enter(SparkSession spark, Stage stage, RunContext run, String detail) {
    // interruptOnCancel=true: cancelling the job interrupts task threads, and ChildProcess turns
    // that interrupt into killing the ffmpeg/ffprobe child instead of leaving it running.
    spark
        .sparkContext()
        .setJobGroup(
            "hlsforge-" + stage.id() + "-" + run.runId(),
            "hlsforge " + stage.id() + " " + run.runDate() + (detail == null ? "" : " " + detail),
            true);
  }
}
