package io.hlsforge.spark;

import io.hlsforge.storage.Locations;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Chooses how Spark commits the manifest tables. On HDFS and local disks the classic
 * FileOutputCommitter is right (rename is atomic there). On s3a:// rename is a copy and the classic
 * committer is unsafe (and S3 servers such as S3Proxy refuse its directory renames), so Spark is
 * bound to Hadoop's S3A "magic" committer: tasks upload their Parquet files as uncompleted
 * multipart uploads and only job commit completes them, so a failed or speculative attempt never
 * becomes visible. Settings the user passed (--conf) always win.
 */
public final class OutputCommitters {
  static final String COMMIT_PROTOCOL = "spark.sql.sources.commitProtocolClass";
  static final String PARQUET_COMMITTER = "spark.sql.parquet.output.committer.class";
  static final String S3A_COMMITTER = "fs.s3a.committer.name";

  private OutputCommitters() {}

  public static void configureFor(SparkSession spark, String outputUri) {
    if (outputUri == null || !"s3a".equals(Locations.scheme(outputUri))) {
      return;
    }
    if (!spark.conf().contains(COMMIT_PROTOCOL)
        || spark.conf().get(COMMIT_PROTOCOL).contains("SQLHadoopMapReduceCommitProtocol")) {
      spark
          .conf()
          .set(COMMIT_PROTOCOL, "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
      spark
          .conf()
          .set(
              PARQUET_COMMITTER,
              "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (conf.get(S3A_COMMITTER, "file").equals("file")) {
      conf.set(S3A_COMMITTER, "magic");
    }
    conf.setBoolean("fs.s3a.committer.magic.enabled", true);
  }
}
