package io.hlsforge.storage;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Folder listings remembered for the life of one batch of work (a probe task, one {@code hlsforge
 * plan}): looking for files next to each of a thousand clips in one folder lists it once, not a
 * thousand times. Not thread-safe, and not for long: a listing is as old as the batch.
 */
public final class FolderListings {
  private final Map<Path, FileStatus[]> listed = new HashMap<>();

  /** The entries of {@code folder}, listed on first use. */
  public FileStatus[] list(FileSystem fs, Path folder) throws IOException {
    Path key = fs.makeQualified(folder);
    FileStatus[] known = listed.get(key);
    if (known == null) {
      known = fs.listStatus(key);
      listed.put(key, known);
    }
    return known;
  }
}
