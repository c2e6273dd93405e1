package io.hlsforge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.testkit.FileChecksums;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts Spark's own JVMs the way a user's installation does: the classpath is Spark's jars only
 * (the job's provided dependencies, {@code jobs/target/spark-classpath.txt}), never the test's.
 */
final class SparkProcesses {
  private SparkProcesses() {}

  record Result(int exit, String output) {}

  static String sparkClasspath() throws IOException {
    String cp = Files.readString(Path.of(System.getProperty("hlsforge.sparkClasspath"))).strip();
    assertThat(cp)
        .as("the JVM's classpath is Spark only")
        .doesNotContain("hlsforge", "bytedeco", "picocli", "typesafe");
    return cp;
  }

  static Path shadedJar() {
    Path jar = Path.of(System.getProperty("hlsforge.shadedJar"));
    assertThat(jar).as("shaded jar built by the package phase").exists();
    return jar;
  }

  /** common's test kit jar (test media, run hooks), built by common's package phase. */
  static Path testkitJar() {
    Path jar = Path.of(System.getProperty("hlsforge.testkitJar"));
    assertThat(jar).as("common's test kit jar built by the package phase").exists();
    return jar;
  }

  /** {@code java <JDK 17 opens> -Xmx.. -cp <spark> mainClass args...} */
  static List<String> javaCommand(String heap, String mainClass, List<String> args)
      throws IOException {
    return javaCommand(heap, List.of(), mainClass, args);
  }

  /** {@code java <JDK 17 opens> -Xmx.. <jvmOptions> -cp <spark> mainClass args...} */
  static List<String> javaCommand(
      String heap, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    return javaCommand(heap, jvmOptions, "", mainClass, args);
  }

  /** The same with {@code classpathPrefix} (entries ending in the path separator) first. */
  static List<String> javaCommand(
      String heap,
      List<String> jvmOptions,
      String classpathPrefix,
      String mainClass,
      List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(System.getProperty("hlsforge.jdkOpens").trim().split("\\s+")));
    cmd.add("-Xmx" + heap);
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", classpathPrefix + sparkClasspath(), mainClass));
    cmd.addAll(args);
    return cmd;
  }

  /**
   * {@code spark-submit [sparkArgs] --class io.hlsforge.cli.Main <shaded jar> [appArgs]} in a fresh
   * JVM (client mode: this JVM is the driver), with {@code env} added to its environment.
   */
  static Result sparkSubmit(
      Path logDir, List<String> sparkArgs, Map<String, String> env, List<String> appArgs)
      throws Exception {
    return sparkSubmit(logDir, List.of(), sparkArgs, env, appArgs);
  }

  /** The same, with {@code wrapper} (e.g. {@code setpriv ...}) in front of the java command. */
  static Result sparkSubmit(
      Path logDir,
      List<String> wrapper,
      List<String> sparkArgs,
      Map<String, String> env,
      List<String> appArgs)
      throws Exception {
    return sparkSubmit(logDir, wrapper, List.of(), sparkArgs, env, appArgs);
  }

  /**
   * The same, with {@code driverOptions} (e.g. {@code StallHooks.jvmOptions(..)}) on the driver's
   * JVM; see {@link #startSparkSubmit}.
   */
  static Result sparkSubmit(
      Path logDir,
      List<String> wrapper,
      List<String> driverOptions,
      List<String> sparkArgs,
      Map<String, String> env,
      List<String> appArgs)
      throws Exception {
    Path log = Files.createTempFile(logDir, "spark-submit", ".log");
    Process p = startSparkSubmit(log, wrapper, driverOptions, sparkArgs, env, appArgs);
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "spark-submit did not finish in 10 minutes:\n" + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * Starts spark-submit without waiting for it; its output goes to {@code log}. {@code
   * driverOptions} are JVM options of the driver (client mode: this JVM), typically the system
   * properties naming test hooks ({@code -Dhlsforge.hooks=...}); when there are any, the test kit
   * jar goes to the driver and every executor ({@code --jars}) so the hook class loads everywhere.
   */
  static Process startSparkSubmit(
      Path log,
      List<String> wrapper,
      List<String> driverOptions,
      List<String> sparkArgs,
      Map<String, String> env,
      List<String> appArgs)
      throws IOException {
    List<String> args = new ArrayList<>(sparkArgs);
    if (!driverOptions.isEmpty()) {
      args.addAll(List.of("--jars", testkitJar().toString()));
    }
    args.addAll(
        List.of(
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--class",
            "io.hlsforge.cli.Main",
            shadedJar().toString()));
    args.addAll(appArgs);
    List<String> command = new ArrayList<>(wrapper);
    // As bin/spark-class does: the Hadoop and YARN configuration folders go on the classpath.
    StringBuilder confDirs = new StringBuilder();
    for (String dir : List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR")) {
      if (env.containsKey(dir)) {
        confDirs.append(env.get(dir)).append(File.pathSeparator);
      }
    }
    command.addAll(
        javaCommand(
            "1g", driverOptions, confDirs.toString(), "org.apache.spark.deploy.SparkSubmit", args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(new File("/dev/null"));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    return pb.start();
  }

  /**
   * The app arguments of a small local-files run: {@code run} of {@code catalogue} into {@code
   * dir}/output and {@code dir}/hosting, one 180p rung, ultrafast, 2 s segments, plus {@code
   * settings} ({@code --set} each).
   */
  static List<String> smallRunArgs(Path catalogue, Path dir, String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--catalogue",
                catalogue.toString(),
                "--output",
                dir.resolve("output").toString(),
                "--hosting",
                dir.resolve("hosting").toString(),
                "--set",
                "hlsforge.video.preset=ultrafast",
                "--set",
                "hlsforge.segment-seconds=2",
                "--set",
                "hlsforge.ladder=[{name = 180p, height = 180, video-kbps = 250}]"));
    for (String s : settings) {
      args.addAll(List.of("--set", s));
    }
    return args;
  }

  /**
   * What a run left under {@code root}: each file's SHA-256 by relative path, hidden files (commit
   * markers) left out.
   */
  static Map<String, String> files(Path root) throws IOException {
    return FileChecksums.of(root);
  }
}
