package io.hlsforge.cli;

import java.util.Map;

/**
 * Spark reads spark.* system properties into every new SparkConf, the command's too: these keep the
 * sessions the command line starts in a test on loopback and without a UI.
 */
final class LoopbackSpark {
  private static final Map<String, String> PROPERTIES =
      Map.of(
          "spark.ui.enabled", "false",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1");

  private LoopbackSpark() {}

  static void set() {
    PROPERTIES.forEach(System::setProperty);
  }

  static void clear() {
    PROPERTIES.keySet().forEach(System::clearProperty);
  }
}
