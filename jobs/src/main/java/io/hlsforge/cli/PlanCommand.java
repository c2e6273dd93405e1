package io.hlsforge.cli;

import io.hlsforge.catalogue.CatalogueEntry;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.CatalogueReader;
import io.hlsforge.jobs.ProbeJob;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.media.FfmpegBinaries;
import io.hlsforge.media.LadderCommandBuilder;
import io.hlsforge.pack.EncoderVersion;
import io.hlsforge.plan.PackagePlan;
import io.hlsforge.plan.PackagePlanner;
import io.hlsforge.plan.PlanFailure;
import io.hlsforge.plan.ProbedAsset;
import io.hlsforge.plan.Reuse;
import io.hlsforge.plan.WorkUnit;
import io.hlsforge.spark.Outcome;
import io.hlsforge.spark.RunContext;
import io.hlsforge.storage.FolderListings;
import io.hlsforge.storage.Locations;
import io.hlsforge.storage.SerializableHadoopConf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Shows what the package stage would do, without doing it: every asset's tasks (whole title, or
 * chunks + audio) with their cost, largest first — or, with --print-commands, the exact ffmpeg
 * command line of each task (same binary, same arguments), one per line, for running by hand.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Probe the catalogue on the driver and print the packaging plan (or the ffmpeg commands, with --print-commands).")
final class PlanCommand implements Callable<Integer> {
  @Mixin CommonOptions options = new CommonOptions();

  @Option(
      names = "--print-commands",
      description =
          "Print one shell command per task: the ffmpeg child the pipeline would start, writing under --output/<asset>/<task>.")
  boolean printCommands;

  @Override
  public Integer call() throws Exception {
    StageCommand.require(options.catalogue, "--catalogue", "plan");
    StageCommand.require(options.output, "--output", "plan");
    HlsforgeSettings settings = JobLauncher.settings(options);
    String catalogue = JobLauncher.location(options.catalogue, "--catalogue");
    String output = JobLauncher.location(options.output, "--output");
    SparkSession spark = JobLauncher.session("hlsforge plan", options.master);
    try {
      RunContext run =
          new RunContext(
              "plan",
              JobLauncher.runDate(options.runDate),
              catalogue,
              output,
              null,
              settings,
              new SerializableHadoopConf(
                  new Configuration(spark.sparkContext().hadoopConfiguration())));
      int threads =
          settings.ffmpegThreads() != 0
              ? settings.ffmpegThreads()
              : spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
      List<CatalogueEntry> entries =
          new CatalogueReader(spark, settings.scanExtensions()).read(catalogue).collect();
      List<Outcome<ProbeRecord>> probes = new ArrayList<>();
      FolderListings folders = new FolderListings();
      for (CatalogueEntry e : entries) {
        probes.add(ProbeJob.probeOne(run, e, folders));
      }
      List<ProbedAsset> assets =
          probes.stream().filter(Outcome::succeeded).map(o -> o.value().toAsset()).toList();
      // What would be packaged from scratch: nothing counts as committed here.
      PackagePlan plan =
          new PackagePlanner(settings, EncoderVersion.get())
              .plan(assets, Set.of(), Reuse.COMMITTED);
      printProblems(probes, plan.failures());
      List<WorkUnit> units = plan.units();
      for (WorkUnit u : units) {
        System.out.println(printCommands ? command(u, settings, output, threads) : describe(u));
      }
      return Main.EXIT_OK;
    } finally {
      spark.stop();
    }
  }

  /**
   * One comment line per asset that will not be packaged, in catalogue order: its probe failure, or
   * why it cannot be planned.
   */
  private static void printProblems(List<Outcome<ProbeRecord>> probes, List<PlanFailure> failures) {
    // The planner reports failures in the order of its input, the probed assets in catalogue order.
    Iterator<PlanFailure> planFailures = failures.iterator();
    PlanFailure next = planFailures.hasNext() ? planFailures.next() : null;
    for (Outcome<ProbeRecord> probe : probes) {
      if (!probe.succeeded()) {
        System.out.println(
            "# "
                + probe.failure().assetId()
                + ": "
                + probe.failure().reason()
                + " "
                + probe.failure().message());
      } else if (next != null && next.assetId().equals(probe.value().assetId())) {
        System.out.println("# " + next.assetId() + ": cannot plan: " + next.cause());
        next = planFailures.hasNext() ? planFailures.next() : null;
      }
    }
  }

  private static String describe(WorkUnit u) {
    return String.format(
        Locale.ROOT,
        "%-24s %-14s %12.3g  %s",
        u.asset().assetId(),
        task(u),
        u.cost(),
        u.renditions().stream().map(r -> r.name()).collect(Collectors.joining(",")));
  }

  private static String task(WorkUnit u) {
    if (u.chunk() != null) {
      return String.format(Locale.ROOT, "chunk-%03d", u.chunk().index());
    }
    return u.renditions().stream().allMatch(r -> r.isAudio()) && u.asset().probe().width() > 0
        ? "audio"
        : "whole";
  }

  /** A hand-run command needs local files: ffmpeg reads and writes them directly. */
  private static Path localFile(String location, String what) {
    return Locations.localFile(location)
        .orElseThrow(
            () ->
                new UsageException(
                    "--print-commands prints local commands only; " + what + " is at " + location));
  }

  /**
   * A self-contained shell line: the bundled ffmpeg with its library path, and shell-quoted
   * arguments.
   */
  static String command(WorkUnit u, HlsforgeSettings settings, String output, int threads) {
    Path source = localFile(u.asset().sourceUri(), "source " + u.asset().assetId());
    Path outDir =
        localFile(OutputLayout.handRunDir(output, u.asset().assetId(), task(u)), "--output");
    List<String> cmd =
        LadderCommandBuilder.build(
            FfmpegBinaries.ffmpeg(),
            source,
            outDir,
            u.renditions(),
            u.asset().probe(),
            settings,
            u.chunk(),
            threads);
    return "env LD_LIBRARY_PATH="
        + quote(FfmpegBinaries.libraryDirectory())
        + " "
        + cmd.stream().map(PlanCommand::quote).collect(Collectors.joining(" "));
  }

  static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,+%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
