package io.hlsforge.cli;

import io.hlsforge.BuildInfo;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the job jar, for {@code bin/hlsforge} and {@code spark-submit --class
 * io.hlsforge.cli.Main}. Exit codes: 0 success (also when some assets failed within the allowed
 * ratio; main returns normally), 1 the run failed, 2 usage error (reported before Spark starts).
 */
@Command(
    name = "hlsforge",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Turns a catalogue of video and audio files into published HLS packages on Spark.",
    subcommands = {
      DemoCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      SqlCommand.class,
      ReportCommand.class,
      StageCommand.Run.class,
      StageCommand.Probe.class,
      StageCommand.Package.class,
      StageCommand.Publish.class
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@code --version}: the version the build stamped into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hlsforge " + BuildInfo.version()};
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing command: choose one of demo, run, probe, package, publish, plan, validate, sql, report");
  }

  /**
   * Exits the JVM only to report a failure. On success main returns: under YARN cluster mode
   * Spark's ApplicationMaster runs this method in its own JVM and counts a System.exit, even with
   * 0, as the application failing; the JVM ends by itself once the SparkSession is stopped (every
   * thread hlsforge starts is a daemon), and exit status 0 is the JVM's own.
   */
  public static void main(String[] args) {
    Exception[] failure = new Exception[1];
    int exit = execute(args, e -> failure[0] = e);
    if (exit != EXIT_OK) {
      if (inYarnClusterMode()) {
        // The ApplicationMaster reports an exception from main as FAILED with its message as the
        // diagnostic (yarn application -status shows it); System.exit would say only "exit 1".
        throw new IllegalStateException(
            failure[0] != null
                ? failure[0].getMessage()
                : "hlsforge exited " + exit + " (2: usage error; see the driver's log)",
            failure[0]);
      }
      System.exit(exit);
    }
  }

  /** Spark's ApplicationMaster runs main: spark-submit --master yarn --deploy-mode cluster. */
  private static boolean inYarnClusterMode() {
    return System.getProperty("spark.master", "").startsWith("yarn")
        && "cluster".equals(System.getProperty("spark.submit.deployMode"));
  }

  /** Runs the command line without exiting the JVM (tests call this). */
  public static int execute(String... args) {
    return execute(args, e -> {});
  }

  /** The same; {@code onFailure} sees the exception a failed command ended with. */
  static int execute(String[] args, Consumer<Exception> onFailure) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          onFailure.accept(e);
          if (e instanceof RunFailedException) {
            return EXIT_FAILED; // the summary above says why
          }
          if (e instanceof UsageException) {
            cmd.getErr().println("hlsforge: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
          }
          cmd.getErr().println("hlsforge: run failed: " + e);
          e.printStackTrace(cmd.getErr());
          return EXIT_FAILED;
        });
    return cli.execute(args);
  }
}
