package io.hlsforge.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.jobs.CatalogueReader;
import io.hlsforge.jobs.Pipeline;
import io.hlsforge.jobs.RunReport;
import io.hlsforge.layout.HostingLayout;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.plan.Reuse;
import io.hlsforge.run.RunHooks;
import io.hlsforge.spark.RunContext;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import io.hlsforge.storage.S3aSettings;
import io.hlsforge.storage.SerializableHadoopConf;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin shell of every command: resolve config and options (usage errors surface here, before
 * Spark starts), build the SparkSession, run the stages, print the summary, map to an exit code.
 */
final class JobLauncher {
  private JobLauncher() {}

  private static final Logger LOG = LoggerFactory.getLogger(JobLauncher.class);

  /** The settings a command runs with, and their text (sorted, secrets masked: safe to show). */
  record Resolved(HlsforgeSettings settings, String described) {}

  static int launch(CommonOptions o, Pipeline.Stages stages, String headline) {
    Resolved resolved = resolve(o);
    HlsforgeSettings settings = resolved.settings();
    String runDate = runDate(o.runDate);
    String runId =
        o.runId != null
            ? o.runId
            : runDate.replace("-", "")
                + "-"
                + ZonedDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("HHmmss-SSS"));
    if (!runId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new UsageException(
          "--run-id '" + runId + "' may only contain A-Z a-z 0-9 . _ - (at most 64)");
    }
    String catalogue = o.catalogue == null ? null : location(o.catalogue, "--catalogue");
    String output = o.output == null ? null : location(o.output, "--output");
    String hosting = o.hosting == null ? null : location(o.hosting, "--hosting");
    RunHooks hooks = HooksProperty.load();

    SparkSession spark = session(headline + " " + runDate, o.master);
    S3aSettings.apply(spark.sparkContext().hadoopConfiguration(), settings.s3());
    try {
      if (catalogue != null && (stages == Pipeline.Stages.ALL || stages == Pipeline.Stages.PROBE)) {
        // An unreadable catalogue is a usage error before anything is written.
        new CatalogueReader(spark, settings.scanExtensions()).check(catalogue);
      }
      recordSettings(o, resolved, output, runId, spark.sparkContext().hadoopConfiguration());
      RunContext run =
          new RunContext(
              runId,
              runDate,
              catalogue,
              output,
              hosting,
              settings,
              new SerializableHadoopConf(
                  new Configuration(spark.sparkContext().hadoopConfiguration())),
              o.force ? Reuse.NONE : Reuse.COMMITTED,
              hooks);
      RunReport report = new Pipeline(run, spark).execute(stages);
      System.out.println();
      System.out.print(report.summary(headline));
      if (output != null) {
        System.out.println("  manifests: " + OutputLayout.manifests(output));
      }
      if (hosting != null && stages != Pipeline.Stages.PROBE && stages != Pipeline.Stages.PACKAGE) {
        System.out.println(
            "  published: "
                + Locations.join(hosting, HostingLayout.stableMaster("{asset_id}").path()));
      }
      if (!report.succeeded()) {
        throw new RunFailedException(headline + " — " + report.verdict());
      }
      return Main.EXIT_OK;
    } finally {
      spark.stop();
    }
  }

  /**
   * The effective settings go where they can be looked up later, not onto the terminal: the run's
   * folder ({@code runs/<run_id>/settings.conf}) and the log at debug level; {@code --verbose}
   * prints them too. A folder that cannot be written costs a warning, not the run.
   */
  private static void recordSettings(
      CommonOptions o, Resolved resolved, String output, String runId, Configuration hadoop) {
    LOG.debug("hlsforge effective settings:\n{}", resolved.described());
    if (o.verbose) {
      System.err.println("hlsforge effective settings:\n" + resolved.described());
    }
    if (output == null) {
      return;
    }
    String file = OutputLayout.runSettings(OutputLayout.runDir(output, runId));
    try {
      new HadoopStorage(hadoop).writeText(file, resolved.described());
    } catch (IOException e) {
      LOG.warn("Cannot write the run's settings to {}: {}", file, e.getMessage());
    }
  }

  static HlsforgeSettings settings(CommonOptions o) {
    return resolve(o).settings();
  }

  /** Resolves configuration by {@link ConfigLoader}'s precedence; any problem is a usage error. */
  static Resolved resolve(CommonOptions o) {
    Map<String, String> overrides = new LinkedHashMap<>();
    try {
      for (String s : o.sets) {
        Map.Entry<String, String> kv = ConfigLoader.splitAssignment(s);
        overrides.put(kv.getKey(), kv.getValue());
      }
      Optional<String> file = Optional.empty();
      if (o.config != null) {
        String uri = Locations.normalize(o.config);
        try {
          file = Optional.of(new HadoopStorage(new Configuration()).readText(uri));
        } catch (IOException e) {
          throw new UsageException("Cannot read --config " + o.config + ": " + e.getMessage(), e);
        }
      }
      Config config = ConfigLoader.load(overrides, file, applicationConfig());
      return new Resolved(HlsforgeSettings.from(config), ConfigLoader.describe(config));
    } catch (ConfigException | IllegalArgumentException e) {
      throw new UsageException("Invalid configuration: " + e.getMessage(), e);
    }
  }

  /**
   * conf/application.conf next to the launcher (HLSFORGE_CONF_DIR), else application.conf on the
   * classpath.
   */
  private static Optional<Config> applicationConfig() {
    String dir = System.getenv("HLSFORGE_CONF_DIR");
    if (dir != null && new File(dir, "application.conf").isFile()) {
      return Optional.of(ConfigFactory.parseFile(new File(dir, "application.conf")));
    }
    Config app = ConfigFactory.defaultApplication();
    return app.isEmpty() ? Optional.empty() : Optional.of(app);
  }

  static String runDate(String given) {
    if (given == null) {
      return LocalDate.now(ZoneOffset.UTC).toString();
    }
    try {
      return LocalDate.parse(given).toString();
    } catch (DateTimeParseException e) {
      throw new UsageException("--run-date '" + given + "' is not a date (yyyy-mm-dd)");
    }
  }

  static String location(String value, String option) {
    try {
      return Locations.normalize(value);
    } catch (RuntimeException e) {
      throw new UsageException(
          option + " '" + value + "' is not a usable location: " + e.getMessage());
    }
  }

  /**
   * Never sets a master unless asked: under spark-submit the cluster's master applies. Spark
   * settings set here use setIfMissing so spark-submit --conf always wins.
   */
  static SparkSession session(String appName, String master) {
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.app.name", appName);
    conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      conf.setMaster(master);
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
