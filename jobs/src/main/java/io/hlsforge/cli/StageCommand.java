package io.hlsforge.cli;

import io.hlsforge.jobs.Pipeline;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The commands that run pipeline stages: run (all), probe, package, publish. */
public abstract class StageCommand implements Callable<Integer> {
  @Mixin CommonOptions options = new CommonOptions();

  abstract Pipeline.Stages stages();

  abstract void requireOptions();

  @Override
  public Integer call() {
    requireOptions();
    return JobLauncher.launch(
        options, stages(), "hlsforge " + stages().name().toLowerCase(Locale.ROOT));
  }

  static void require(String value, String option, String command) {
    if (value == null || value.isBlank()) {
      throw new UsageException("'" + command + "' needs " + option);
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run all stages: probe → package → publish.")
  static final class Run extends StageCommand {
    @Override
    Pipeline.Stages stages() {
      return Pipeline.Stages.ALL;
    }

    @Override
    void requireOptions() {
      require(options.catalogue, "--catalogue", "run");
      require(options.output, "--output", "run");
      require(options.hosting, "--hosting", "run");
    }
  }

  @Command(
      name = "probe",
      mixinStandardHelpOptions = true,
      description = "Probe every catalogue asset into manifests/probes (+ failures).")
  static final class Probe extends StageCommand {
    @Override
    Pipeline.Stages stages() {
      return Pipeline.Stages.PROBE;
    }

    @Override
    void requireOptions() {
      require(options.catalogue, "--catalogue", "probe");
      require(options.output, "--output", "probe");
    }
  }

  @Command(
      name = "package",
      mixinStandardHelpOptions = true,
      description =
          "Package the latest probe of every asset into HLS renditions (manifests/renditions, segments).")
  static final class Package extends StageCommand {
    @Override
    Pipeline.Stages stages() {
      return Pipeline.Stages.PACKAGE;
    }

    @Override
    void requireOptions() {
      require(options.output, "--output", "package");
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description =
          "Derive playlists from the manifests and publish the latest package of every asset to --hosting.")
  static final class Publish extends StageCommand {
    @Override
    Pipeline.Stages stages() {
      return Pipeline.Stages.PUBLISH;
    }

    @Override
    void requireOptions() {
      require(options.output, "--output", "publish");
      require(options.hosting, "--hosting", "publish");
    }
  }
}
