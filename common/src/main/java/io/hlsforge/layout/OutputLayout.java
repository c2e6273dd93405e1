package io.hlsforge.layout;

import io.hlsforge.config.SegmentFormat;
import io.hlsforge.storage.Locations;
import java.util.Locale;

/**
 * The one owner of the output layout (the packager's storage, {@code --output}):
 *
 * <pre>
 *   {output}/media/{asset}/{encoding}/{rendition}/{object}   segments as the packager wrote them
 *   {output}/manifests/{table}                               Parquet manifests (probes, renditions, ...)
 *   {output}/runs/{run_id}/                                  run reports (report.json, report.html)
 *   {output}/{asset}/{task}/                                 raw ffmpeg output of a hand run
 *                                                            (hlsforge plan --print-commands)
 * </pre>
 *
 * Pure.
 */
public final class OutputLayout {
  /**
   * Base name of a rendition's one media object in the single-file layout ({@code media.ts}, or
   * {@code media.m4s} for fMP4).
   */
  private static final String SINGLE_FILE_BASE = "media";

  /** The fMP4 initialisation segment of a rendition (its EXT-X-MAP). */
  public static final String INIT_SEGMENT = "init.mp4";

  private OutputLayout() {}

  /**
   * The file name pattern (printf style, one integer: the segment index) of a rendition's media
   * segments, as ffmpeg's hls muxer is told to write them: {@code segment_00042.ts}.
   */
  public static String segmentPattern(SegmentFormat format) {
    return "segment_%05d" + mediaExtension(format);
  }

  /** The file name of a subtitle rendition's WebVTT segment {@code index}. */
  public static String subtitleSegment(int index) {
    return String.format(Locale.ROOT, "segment_%05d.vtt", index);
  }

  /**
   * The one media object of a rendition in the single-file layout ({@code media.ts}, or {@code
   * media.m4s} for fMP4). A chunk's share of a rendition is its own object, named after the chunk's
   * first segment ({@code media_00012.ts}), because tasks cannot append to one another's files.
   *
   * @param firstSegment the chunk's first segment, or null when the rendition is not chunked
   */
  public static String singleFile(Integer firstSegment, SegmentFormat format) {
    return SINGLE_FILE_BASE
        + (firstSegment == null ? "" : String.format(Locale.ROOT, "_%05d", firstSegment))
        + mediaExtension(format);
  }

  private static String mediaExtension(SegmentFormat format) {
    return format == SegmentFormat.FMP4 ? ".m4s" : ".ts";
  }

  /** Where one rendition of one encoding is stored. */
  public static String renditionDir(
      String outputUri, String assetId, String encodingId, String rendition) {
    return Locations.join(outputUri, "media", assetId, encodingId, rendition);
  }

  /** A file of a rendition's directory ({@link #renditionDir}). */
  public static String object(String renditionDir, String fileName) {
    return Locations.join(renditionDir, fileName);
  }

  /**
   * Where the shell command that {@code hlsforge plan --print-commands} prints for one task tells
   * ffmpeg to write: the muxer's own output, not a package (nothing is inspected or recorded), so
   * it is kept apart from {@link #renditionDir}.
   */
  public static String handRunDir(String outputUri, String assetId, String task) {
    return Locations.join(outputUri, assetId, task);
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
