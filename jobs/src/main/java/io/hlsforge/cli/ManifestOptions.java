package io.hlsforge.cli;

import picocli.CommandLine.Option;

/** The options of commands that read a run output's manifests (sql, report). */
public final class ManifestOptions {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "<uri>",
      description = "The run output whose manifests/ to read.")
  String output;

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description = "Spark master (bin/hlsforge passes local[*]).")
  String master;

  /** The output as a normalized location; a usage error when it is not one. */
  String outputUri() {
    return JobLauncher.location(output, "--output");
  }
}
