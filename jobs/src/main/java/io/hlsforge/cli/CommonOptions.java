package io.hlsforge.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every stage command shares. */
public final class CommonOptions {
  @Option(
      names = "--catalogue",
      paramLabel = "<file-or-uri>",
      description =
          "Catalogue: CSV (asset_id,source_uri[,title]), JSON Lines, Parquet, or a directory to scan for media.")
  String catalogue;

  @Option(
      names = "--output",
      paramLabel = "<uri>",
      description = "Where media segments and manifests/ are written (Hadoop FS URI or path).")
  String output;

  @Option(
      names = "--hosting",
      paramLabel = "<uri>",
      description = "Where playlists and segments are published; {hosting}/{asset_id}/master.m3u8.")
  String hosting;

  @Option(
      names = "--config",
      paramLabel = "<file-or-uri>",
      description = "HOCON config file (read through Hadoop FS, so hdfs:// and s3a:// work).")
  String config;

  @Option(
      names = "--set",
      paramLabel = "key=value",
      description = "Override one config value, e.g. --set hlsforge.segment-seconds=4. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description =
          "Spark master. Leave it out under spark-submit (its --master applies); bin/hlsforge passes local[*] by default.")
  String master;

  @Option(
      names = "--run-id",
      description = "Id of this run in the manifests (default: run date + time).")
  String runId;

  @Option(
      names = "--force",
      description =
          "Encode and publish again even when the same encoding is already committed and live.")
  boolean force;

  @Option(
      names = "--run-date",
      paramLabel = "<yyyy-mm-dd>",
      description = "The data date this run is for (default: today, UTC).")
  String runDate;

  @Option(
      names = "--verbose",
      description =
          "Print the effective settings (secrets masked) before the run; they are always written to {output}/runs/{run_id}/settings.conf.")
  boolean verbose;
}
