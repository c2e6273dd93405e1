package io.hlsforge.cli;

import io.hlsforge.BuildInfo;
import io.hlsforge.catalogue.UnreadableCatalogueException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the job jar, for {@code bin/hlsforge} and {@code spark-submit --class
 * io.hlsforge.cli.Main}. Exit codes: 0 success (also when some assets failed within the allowed
 * ratio; main returns normally), 1 the run failed, 2 usage error or unreadable catalogue (reported
 * before any work). Each ends with one line on stderr (an unexpected error's names where it was
 * thrown); stack traces go to the log, and to the terminal with {@code --verbose}.
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

  /**
   * The log file bin/hlsforge's log4j2.properties writes (a system property of the same name); null
   * under spark-submit, where the cluster's logging applies.
   */
  static final String LOG_FILE_PROPERTY = "hlsforge.log.file";

  /**
   * How a command ended, with its stack trace: conf/log4j2.properties sends it to the file only.
   */
  private static final Logger FAILURES = LoggerFactory.getLogger("hlsforge.failures");

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
          PrintWriter err = cmd.getErr();
          boolean verbose = verbose(parsed);
          // The whole story goes to the log; the terminal gets one line unless --verbose.
          FAILURES.error("hlsforge {} ended: {}", cmd.getCommandName(), e.getMessage(), e);
          int exit;
          if (e instanceof UsageException) {
            err.println("hlsforge: " + oneLine(e.getMessage()));
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            exit = EXIT_USAGE;
          } else if (e instanceof UnreadableCatalogueException) {
            err.println("hlsforge: " + oneLine(e.getMessage()));
            exit = EXIT_USAGE;
          } else if (e instanceof RunFailedException) {
            err.println("hlsforge: " + oneLine(e.getMessage())); // the summary says which assets
            exit = EXIT_FAILED;
          } else {
            err.println("hlsforge: run failed: " + describe(e) + seeLog(verbose));
            exit = EXIT_FAILED;
          }
          if (verbose) {
            e.printStackTrace(err);
          }
          err.flush();
          return exit;
        });
    return cli.execute(args);
  }

  /**
   * An unexpected error in one line that is still enough to report it: the exception, its root
   * cause, and the frame the root cause was thrown from.
   */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StringBuilder b = new StringBuilder(oneLine(e.toString()));
    if (root != e) {
      b.append("; caused by ").append(oneLine(root.toString()));
    }
    StackTraceElement[] frames = root.getStackTrace();
    if (frames.length > 0) {
      b.append(" at ").append(frames[0]);
    }
    return b.toString();
  }

  /** The first line of a message: a remote exception's message can carry the server's trace. */
  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " …";
  }

  /** Whether the command that ran was given {@code --verbose}. */
  private static boolean verbose(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult p = parsed;
    while (p.hasSubcommand()) {
      p = p.subcommand();
    }
    return p.hasMatchedOption("--verbose");
  }

  /** Where the stack trace of an unexpected error is. */
  private static String seeLog(boolean verbose) {
    if (verbose) {
      return "";
    }
    String file = System.getProperty(LOG_FILE_PROPERTY);
    return file == null
        ? " (the stack trace is in the driver's log; --verbose prints it here)"
        : " (the stack trace is in " + file + "; --verbose prints it here)";
  }
}
