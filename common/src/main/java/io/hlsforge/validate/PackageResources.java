package io.hlsforge.validate;

import io.hlsforge.hls.PackagePlaylists;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.storage.HadoopStorage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * A package as it WILL look once published, for validating it before anything is published:
 * playlists come from memory, segments from where the packager stored them. Addresses are {@code
 * pkg:///{asset}/...} paths mirroring the hosting layout.
 */
public final class PackageResources implements ResourceReader {
  private final Map<String, String> playlists = new HashMap<>();
  private final Map<String, String> segments = new HashMap<>();
  private final HadoopStorage storage;
  private final String masterUri;

  public PackageResources(
      String assetId,
      String encodingId,
      PackagePlaylists.Derived derived,
      List<RenditionRecord> renditions,
      List<SegmentRecord> rows,
      HadoopStorage storage) {
    this.storage = storage;
    this.masterUri = "pkg:///" + assetId + "/" + PackagePlaylists.MASTER;
    playlists.put("/" + assetId + "/" + PackagePlaylists.MASTER, derived.stableMaster());
    playlists.put(
        "/" + assetId + "/" + encodingId + "/" + PackagePlaylists.MASTER,
        derived.versionedMaster());
    derived
        .files()
        .forEach(
            (path, text) -> playlists.put("/" + assetId + "/" + encodingId + "/" + path, text));
    for (RenditionRecord r : renditions) {
      if (r.initFileName() != null) {
        segments.put(
            "/" + assetId + "/" + encodingId + "/" + r.rendition() + "/" + r.initFileName(),
            r.mediaUri() + "/" + r.initFileName());
      }
    }
    for (SegmentRecord s : rows) {
      segments.put(
          "/" + assetId + "/" + encodingId + "/" + s.rendition() + "/" + s.fileName(), s.uri());
    }
  }

  /** Where the validator starts: the stable master. */
  public String masterUri() {
    return masterUri;
  }

  @Override
  public byte[] read(String uri) throws IOException {
    String path = URI.create(uri).getPath();
    String text = playlists.get(path);
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    String stored = segments.get(path);
    if (stored == null) {
      throw new IOException("the package has no object " + path);
    }
    try (InputStream in = storage.fileSystem(stored).open(new Path(stored))) {
      return in.readAllBytes();
    }
  }

  @Override
  public byte[] read(String uri, long offset, long length) throws IOException {
    String stored = segments.get(URI.create(uri).getPath());
    if (stored == null) {
      return ResourceReader.super.read(uri, offset, length);
    }
    return storage.readRange(stored, offset, length);
  }
}
