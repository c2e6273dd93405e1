package io.hlsforge.catalogue;

import io.hlsforge.storage.Locations;
import io.hlsforge.tracks.SubtitleSidecar;
import java.util.List;

/**
 * Turns a catalogue row's cells into a {@link CatalogueEntry}: locations resolved against the
 * catalogue's folder ({@link Locations#resolve}), a row without an asset id or source made a row
 * with a problem. Asset ids themselves are checked per asset when probed ({@code
 * INVALID_ASSET_ID}).
 */
public final class CatalogueEntries {
  public static final String ASSET_ID = "asset_id";
  public static final String SOURCE_URI = "source_uri";
  public static final String TITLE = "title";
  public static final String AUDIO = "audio";
  public static final String SUBTITLES = "subtitles";

  /** The columns hlsforge reads; others are ignored. */
  public static final List<String> COLUMNS = List.of(ASSET_ID, SOURCE_URI, TITLE, AUDIO, SUBTITLES);

  private CatalogueEntries() {}

  /** The folder relative cells resolve against: the catalogue file's own. */
  public static String folderOf(String catalogue) {
    return catalogue.substring(0, catalogue.lastIndexOf('/') + 1);
  }

  /** The entry of a row read from the catalogue at {@code catalogue}. */
  public static CatalogueEntry from(CatalogueLine row, String catalogue) {
    String assetId = strip(row.cells().get(ASSET_ID));
    if (row.problem() != null) {
      return CatalogueEntry.invalid(
          assetId, new CatalogueProblem(catalogue, row.line(), row.problem()));
    }
    return from(
        assetId,
        strip(row.cells().get(SOURCE_URI)),
        row.cells().get(TITLE),
        row.cells().get(AUDIO),
        row.cells().get(SUBTITLES),
        catalogue,
        row.line());
  }

  /**
   * The entry of one row's values ({@code null} or empty when absent); {@code line} is 0 for a
   * table's row.
   */
  public static CatalogueEntry from(
      String assetId,
      String source,
      String title,
      String audio,
      String subtitles,
      String catalogue,
      long line) {
    String id = strip(assetId);
    if (id.isEmpty()) {
      return CatalogueEntry.invalid(id, new CatalogueProblem(catalogue, line, "no asset_id"));
    }
    String src = strip(source);
    if (src.isEmpty()) {
      return CatalogueEntry.invalid(
          id, new CatalogueProblem(catalogue, line, "no source_uri for asset " + id));
    }
    String base = folderOf(catalogue);
    String resolved;
    try {
      resolved = Locations.resolve(base, src);
    } catch (IllegalArgumentException e) {
      return CatalogueEntry.invalid(
          id, new CatalogueProblem(catalogue, line, "source_uri: " + e.getMessage()));
    }
    String sidecars;
    try {
      sidecars = subtitles == null || subtitles.isBlank() ? null : resolveSidecars(base, subtitles);
    } catch (IllegalArgumentException e) {
      return CatalogueEntry.invalid(
          id, new CatalogueProblem(catalogue, line, "subtitles: " + e.getMessage()));
    }
    return new CatalogueEntry(
        id,
        resolved,
        title == null || title.isEmpty() ? id : title,
        audio == null || audio.isBlank() ? null : audio,
        sidecars);
  }

  /**
   * The subtitles cell with every location resolved like {@code source_uri}. A cell that does not
   * parse is kept as written, so the asset fails when it is probed (INPUT_UNSUPPORTED, with the
   * parser's reason); a location that cannot be resolved throws IllegalArgumentException.
   */
  static String resolveSidecars(String base, String cell) {
    List<SubtitleSidecar> sidecars;
    try {
      sidecars = SubtitleSidecar.parseCell(cell);
    } catch (IllegalArgumentException e) {
      return cell;
    }
    StringBuilder out = new StringBuilder();
    for (SubtitleSidecar s : sidecars) {
      out.append(out.length() == 0 ? "" : ";")
          .append(s.language())
          .append(s.forced() ? ":forced" : "")
          .append('=')
          .append(Locations.resolve(base, s.uri()));
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
