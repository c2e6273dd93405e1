package io.hlsforge.catalogue;

import java.util.Map;

/**
 * One row of a catalogue file as read: its first line, its cells by column name, and what is wrong
 * with it (null when it could be read; then its cells may still lack a required value, which {@link
 * CatalogueEntries} checks). A row with a problem keeps the cells that could be read, so its
 * failure can name the asset when the id was readable.
 */
public record CatalogueLine(long line, Map<String, String> cells, String problem) {}
