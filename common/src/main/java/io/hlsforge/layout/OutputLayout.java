package io.hlsforge.layout;

import io.hlsforge.storage.Locations;

/**
 * The one owner of the output layout (the packager's storage, {@code --output}):
 *
 * <pre>
 *   {output}/media/{asset}/{encoding}/{rendition}/{object}   segments as the packager wrote them
 *   {output}/manifests/{table}                               Parquet manifests (probes, renditions, ...)
 *   {output}/runs/{run_id}/                                  run reports (report.json, report.html)
 * </pre>
 *
 * Pure.
 */
public final class OutputLayout {
  /**
   * Base name of a rendition's one media object in the single-file layout ({@code media.ts}, or
   * {@code media.m4s} for fMP4).
   */
  public static final String SINGLE_FILE_BASE = "media";

  private OutputLayout() {}

  /** Where one rendition of one encoding is stored. */
  public static String renditionDir(
      String outputUri, String assetId, String encodingId, String rendition) {
    return Locations.join(outputUri, "media", assetId, encodingId, rendition);
  }

  /** A file of a rendition's directory ({@link #renditionDir}). */
  public static String object(String renditionDir, String fileName) {
    return Locations.join(renditionDir, fileName);
  }

  /** The root of the Parquet manifests. */
  public static String manifests(String outputUri) {
    return Locations.join(outputUri, "manifests");
  }

  /** One manifest table. */
  public static String manifestTable(String outputUri, String table) {
    return Locations.join(manifests(outputUri), table);
  }

  /** The report folder of one run. */
  public static String runDir(String outputUri, String runId) {
    return Locations.join(outputUri, "runs", runId);
  }

  /** The effective settings a run ran with (secrets masked), inside its {@link #runDir}. */
  public static String runSettings(String runDir) {
    return Locations.join(runDir, "settings.conf");
  }

  /** A run's report in one format ({@code json}, {@code html}) inside its {@link #runDir}. */
  public static String runReport(String runDir, String format) {
    return Locations.join(runDir, "report." + format);
  }
}
