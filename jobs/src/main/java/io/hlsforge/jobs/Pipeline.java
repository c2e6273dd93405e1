package io.hlsforge.jobs;

import io.hlsforge.BuildInfo;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.NoticeRecord;
import io.hlsforge.manifest.RunRecord;
import io.hlsforge.report.MetricsPusher;
import io.hlsforge.report.RunReportFiles;
import io.hlsforge.report.RunSummary;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.OutputCommitters;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.RunSummaries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the requested stages of one run in order and records each in manifests/runs. */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** Which stages an invocation runs. */
  public enum Stages {
    ALL,
    PROBE,
    PACKAGE,
    PUBLISH
  }

  private final RunContext run;
  private final SparkSession spark;

  public Pipeline(RunContext run, SparkSession spark) {
    this.run = run;
    this.spark = spark;
    OutputCommitters.configureFor(spark, run.outputUri());
  }

  public RunReport execute(Stages stages) {
    long started = System.currentTimeMillis();
    InputScope scope = stages == Stages.ALL ? InputScope.THIS_RUN : InputScope.LATEST;
    List<StageReport> reports = new ArrayList<>();
    if (stages == Stages.ALL || stages == Stages.PROBE) {
      reports.add(new ProbeJob(run, spark).run());
    }
    Map<String, String> reused = Map.of();
    if (stages == Stages.ALL || stages == Stages.PACKAGE) {
      PackageStageResult packaged = new PackageJob(run, spark, scope).run();
      reports.add(packaged.report());
      reused = packaged.reused();
    }
    if (stages == Stages.ALL || stages == Stages.PUBLISH) {
      reports.add(new PublishJob(run, spark, scope, reused).run());
    }
    ManifestStore store = new ManifestStore(spark, run.outputUri());
    RunReport report =
        new RunReport(
            run.runId(),
            reports,
            failuresOfThisRun(store),
            noticesOfThisRun(store),
            run.settings().maxFailureRatio(),
            System.currentTimeMillis() - started);
    List<RunRecord> rows = new ArrayList<>();
    for (StageReport s : reports) {
      rows.add(
          new RunRecord(
              run.runId(),
              run.runDate(),
              s.stage().id(),
              s.startedAtMs(),
              s.finishedAtMs(),
              s.assetsTotal(),
              s.assetsSucceeded(),
              s.assetsSkipped(),
              s.assetsFailed(),
              s.mediaSeconds(),
              report.status().word(),
              BuildInfo.version(),
              s.times().slots(),
              s.times().workMs(),
              s.times().childMs(),
              s.times().storageMs(),
              s.times().commitMs()));
    }
    store.append(ManifestStore.RUNS, RunRecord.class, rows);
    if (run.outputUri() != null) {
      publishReport();
    }
    return report;
  }

  /**
   * {output}/runs/{run_id}/report.json and report.html, and the run's metrics to the Pushgateway
   * when one is configured. Reporting never fails a run that did its work: problems are logged.
   */
  private void publishReport() {
    try {
      Optional<RunSummary> summary = RunSummaries.load(spark, run.outputUri(), run.runId());
      if (summary.isEmpty()) {
        return;
      }
      RunReportFiles.write(
          spark.sparkContext().hadoopConfiguration(), run.outputUri(), summary.get());
      String gateway = run.settings().metrics().pushgatewayUrl();
      if (!gateway.isBlank()) {
        MetricsPusher.push(gateway, run.settings().metrics().job(), summary.get());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Cannot write the report or push the metrics of run {}: {}", run.runId(), e.toString());
    }
  }

  private List<NoticeRecord> noticesOfThisRun(ManifestStore store) {
    RecordRows<NoticeRecord> rows = RecordRows.of(NoticeRecord.class);
    List<NoticeRecord> out = new ArrayList<>();
    for (Row r :
        store
            .read(ManifestStore.NOTICES, NoticeRecord.class)
            .filter(functions.col("run_id").equalTo(run.runId()))
            .orderBy("asset_id", "message")
            .collectAsList()) {
      out.add(rows.fromRow(r));
    }
    return out;
  }

  private List<FailureRecord> failuresOfThisRun(ManifestStore store) {
    RecordRows<FailureRecord> rows = RecordRows.of(FailureRecord.class);
    List<FailureRecord> out = new ArrayList<>();
    for (Row r :
        store
            .read(ManifestStore.FAILURES, FailureRecord.class)
            .filter(functions.col("run_id").equalTo(run.runId()))
            .orderBy("asset_id")
            .collectAsList()) {
      out.add(rows.fromRow(r));
    }
    return out;
  }
}
