package io.hlsforge.validate;

import io.hlsforge.hls.PackagePlaylists;
import io.hlsforge.layout.HostingKey;
import io.hlsforge.layout.HostingLayout;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.Segment;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A package as it WILL look once published, for validating it before anything is published:
 * playlists come from memory, segments from where the packager stored them. Addresses are {@code
 * pkg:///{asset}/...} paths mirroring the hosting layout.
 */
public final class PackageResources implements ResourceReader {
  private static final String SCHEME = "pkg://";
  private final Map<String, String> playlists = new HashMap<>();
  private final Map<String, String> segments = new HashMap<>();
  private final HadoopStorage storage;
  private final String masterUri;

  public PackageResources(
      EncodedPackage pkg, PackagePlaylists.Derived derived, HadoopStorage storage) {
    this.storage = storage;
    HostingKey stable = HostingLayout.stableMaster(pkg.assetId());
    HostingLayout.Encoding layout = HostingLayout.encoding(pkg.assetId(), pkg.encodingId());
    this.masterUri = SCHEME + path(stable);
    playlists.put(path(stable), derived.stableMaster());
    playlists.put(path(layout.master()), derived.versionedMaster());
    derived.files().forEach((file, text) -> playlists.put(path(layout.playlist(file)), text));
    for (PackagedRendition r : pkg.renditions()) {
      if (r.initFileName() != null) {
        segments.put(
            path(layout.mediaObject(r.name(), r.initFileName())),
            OutputLayout.object(r.mediaUri(), r.initFileName()));
      }
      for (Segment s : r.segments()) {
        segments.put(path(layout.mediaObject(r.name(), s.fileName())), s.uri());
      }
    }
  }

  /** A hosting key as the path of a {@code pkg:} URI. */
  private static String path(HostingKey key) {
    return "/" + key.path();
  }

  /** Where the validator starts: the stable master. */
  public String masterUri() {
    return masterUri;
  }

  @Override
  public byte[] read(String uri) throws IOException {
    String path = Locations.parts(uri).path();
    String text = playlists.get(path);
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    String stored = segments.get(path);
    if (stored == null) {
      throw new IOException("the package has no object " + path);
    }
    return storage.read(stored);
  }

  @Override
  public byte[] read(String uri, long offset, long length) throws IOException {
    String stored = segments.get(Locations.parts(uri).path());
    if (stored == null) {
      return ResourceReader.super.read(uri, offset, length);
    }
    return storage.readRange(stored, offset, length);
  }
}
