package io.hlsforge.cli;

import io.hlsforge.layout.OutputLayout;
import io.hlsforge.report.RunReportFiles;
import io.hlsforge.report.RunSummary;
import io.hlsforge.spark.RunSummaries;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints a run's summary and (re)writes {output}/runs/{run_id}/report.json and report.html. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Summarize a run (default: the latest) from the manifests; writes {output}/runs/{run_id}/report.json and report.html.")
final class ReportCommand implements Callable<Integer> {
  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(
      names = "--run",
      paramLabel = "<run-id>",
      description = "Which run (default: the latest).")
  String runId;

  @Override
  public Integer call() throws Exception {
    String out = manifests.outputUri();
    SparkSession spark = JobLauncher.session("hlsforge report", manifests.master);
    try {
      RunSummary summary =
          RunSummaries.load(spark, out, runId)
              .orElseThrow(
                  () ->
                      new UsageException(
                          runId == null
                              ? "No run recorded under " + out
                              : "No run '" + runId + "' under " + out));
      System.out.print(summary.toText());
      String dir = RunReportFiles.write(spark.sparkContext().hadoopConfiguration(), out, summary);
      System.out.println("  report: " + OutputLayout.runReport(dir, "html") + " (and report.json)");
      return Main.EXIT_OK;
    } finally {
      spark.stop();
    }
  }
}
