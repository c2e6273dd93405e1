package io.hlsforge.pack;

import io.hlsforge.hls.PackagePlaylists;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.MediaException;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.PackageResources;
import io.hlsforge.validate.ValidationReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publishes one packaged encoding to the hosting location — after validating it, in strict mode —
 * in the only safe order: segments, then
 * media playlists, then the versioned master, then the stable {@code {asset}/master.m3u8}. A
 * playlist is never visible before every object it references.
 */
public final class AssetPublisher {
  private final HadoopStorage storage;
  private final String hostingUri;
  private final boolean strict;

  /** @param strict validate the package first and refuse to publish it when the validator finds errors */
  public AssetPublisher(HadoopStorage storage, String hostingUri, boolean strict) {
    this.storage = storage;
    this.hostingUri = hostingUri;
    this.strict = strict;
  }

  /** The stable entry point of an asset. */
  public static String masterUri(String hostingUri, String assetId) {
    return Locations.join(hostingUri, assetId, PackagePlaylists.MASTER);
  }

  public String publish(String assetId, String encodingId, List<RenditionRecord> renditions, List<SegmentRecord> segments)
      throws MediaException {
    PackagePlaylists.Derived playlists;
    try {
      playlists = PackagePlaylists.derive(encodingId, renditions, segments);
    } catch (IllegalArgumentException e) {
      throw new MediaException(MediaException.Kind.PUBLISH_FAILED, e.getMessage(), e);
    }
    if (strict) {
      PackageResources pkg = new PackageResources(assetId, encodingId, playlists, renditions, segments, storage);
      ValidationReport report = new HlsValidator(pkg).validate(pkg.masterUri());
      if (!report.valid()) {
        throw new MediaException(MediaException.Kind.INVALID_PACKAGE, "the package breaks " + report.errors().size() + " rule(s), not published: "
            + report.errors().stream().limit(5).map(f -> "[" + f.rule() + "] " + f.message()).collect(Collectors.joining("; ")));
      }
    }
    String encodingBase = Locations.join(hostingUri, assetId, encodingId);
    try {
      for (RenditionRecord r : renditions) {
        if (r.initFileName() != null) {
          storage.copy(Locations.join(r.mediaUri(), r.initFileName()), Locations.join(encodingBase, r.rendition(), r.initFileName()));
        }
      }
      for (SegmentRecord s : segments) {
        storage.copy(s.uri(), Locations.join(encodingBase, s.rendition(), s.fileName()));
      }
      for (Map.Entry<String, String> e : playlists.files().entrySet()) {
        storage.writeText(Locations.join(encodingBase, e.getKey()), e.getValue());
      }
      storage.writeText(Locations.join(encodingBase, PackagePlaylists.MASTER), playlists.versionedMaster());
      String master = masterUri(hostingUri, assetId);
      storage.writeText(master, playlists.stableMaster());
      return master;
    } catch (IOException e) {
      throw new MediaException(MediaException.Kind.PUBLISH_FAILED, "cannot write to hosting " + hostingUri + ": " + e.getMessage(), e);
    }
  }
}
