package io.hlsforge;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster as a user's installation runs it: a master and workers in separate
 * JVMs on loopback addresses, started from a SPARK_HOME whose jars are Spark's only.
 */
final class StandaloneCluster implements AutoCloseable {
  /**
   * One worker: its loopback address, cores, memory and JVM options (e.g. {@code
   * -Dspark.shuffle.service.enabled=true}, which makes the worker run the external shuffle
   * service).
   */
  record Worker(String host, int cores, String memory, List<String> jvmOptions) {}

  private final Path work;
  private final List<Process> daemons = new ArrayList<>();
  private final String masterUrl;

  private StandaloneCluster(Path work, String masterUrl) {
    this.work = work;
    this.masterUrl = masterUrl;
  }

  /**
   * Starts a master on 127.0.0.1 and {@code workers}, each with {@code env} (the executors a worker
   * starts inherit its environment), and waits until every worker has registered.
   */
  static StandaloneCluster start(Path work, List<Worker> workers, Map<String, String> env)
      throws Exception {
    Path sparkHome = sparkHome(work);
    int port = LoopbackPorts.free();
    StandaloneCluster cluster = new StandaloneCluster(work, "spark://127.0.0.1:" + port);
    try {
      Path masterLog = work.resolve("master.log");
      cluster.start(
          sparkHome,
          masterLog,
          "127.0.0.1",
          List.of(),
          env,
          "org.apache.spark.deploy.master.Master",
          List.of(
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--webui-port",
              Integer.toString(LoopbackPorts.free())));
      cluster.awaitLog(masterLog, "I have been elected leader", 1);
      for (int i = 0; i < workers.size(); i++) {
        Worker w = workers.get(i);
        String name = "worker-" + (i + 1);
        Path dir = Files.createDirectories(work.resolve(name));
        cluster.start(
            sparkHome,
            work.resolve(name + ".log"),
            w.host(),
            w.jvmOptions(),
            env,
            "org.apache.spark.deploy.worker.Worker",
            List.of(
                "--host",
                w.host(),
                "--cores",
                Integer.toString(w.cores()),
                "--memory",
                w.memory(),
                "--webui-port",
                Integer.toString(LoopbackPorts.free()),
                "--work-dir",
                dir.toString(),
                cluster.masterUrl));
      }
      cluster.awaitLog(masterLog, "Registering worker", workers.size());
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The work directory of the {@code n}-th worker (from 1): one {@code app-*} folder per app. */
  Path workerDir(int n) {
    return work.resolve("worker-" + n);
  }

  @Override
  public void close() throws InterruptedException {
    List<Process> stopping = new ArrayList<>(daemons);
    Collections.reverse(stopping); // workers first, then the master
    for (Process p : stopping) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    daemons.clear();
  }

  /** A SPARK_HOME as an installation lays it out: RELEASE and jars/ (Spark's jars, linked). */
  private static Path sparkHome(Path work) throws IOException {
    Path home = Files.createDirectories(work.resolve("spark-home"));
    Files.writeString(
        home.resolve("RELEASE"), "Spark 3.5 (jars of the build's provided classpath)\n");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String jar : SparkProcesses.sparkClasspath().split(File.pathSeparator)) {
      Path target = Path.of(jar);
      Path link = jars.resolve(target.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, target);
      }
    }
    return home;
  }

  private void start(
      Path sparkHome,
      Path log,
      String host,
      List<String> jvmOptions,
      Map<String, String> env,
      String mainClass,
      List<String> args)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(SparkProcesses.javaCommand("512m", jvmOptions, mainClass, args))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(new File("/dev/null"));
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.12");
    pb.environment().put("SPARK_LOCAL_IP", host);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    daemons.add(pb.start());
  }

  private void awaitLog(Path log, String line, int times) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (Files.exists(log)
          && Files.readAllLines(log).stream().filter(l -> l.contains(line)).count() >= times) {
        return;
      }
      for (Process p : daemons) {
        if (!p.isAlive()) {
          throw new AssertionError("a Spark daemon exited:\n" + Files.readString(log));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "'"
            + line
            + "' did not appear "
            + times
            + " time(s) in 2 minutes:\n"
            + Files.readString(log));
  }
}
