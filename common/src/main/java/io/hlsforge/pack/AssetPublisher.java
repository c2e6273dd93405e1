package io.hlsforge.pack;

import io.hlsforge.config.PublishMedia;
import io.hlsforge.config.PublishSpec;
import io.hlsforge.hls.PackagePlaylists;
import io.hlsforge.hosting.HostingStore;
import io.hlsforge.hosting.HostingStores;
import io.hlsforge.layout.HostingKey;
import io.hlsforge.layout.HostingLayout;
import io.hlsforge.layout.OutputLayout;
import io.hlsforge.manifest.ManifestRows;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.MediaException;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.Segment;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.validate.HlsValidator;
import io.hlsforge.validate.PackageResources;
import io.hlsforge.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes one packaged encoding to the hosting location — after validating it, in strict mode —
 * in the only safe order: segments, then media playlists, then the versioned master, then the
 * stable {@code {asset}/master.m3u8}. A playlist is never visible before every object it
 * references.
 */
public final class AssetPublisher {
  private final HadoopStorage storage;
  private final HostingStore hosting;
  private final PublishSpec publish;

  /**
   * @param storage where the packager stored the segments (read for copying and validation)
   * @param hosting where the package is published
   * @param publish strict mode (validate first, refuse invalid packages) and cache headers
   */
  public AssetPublisher(HadoopStorage storage, HostingStore hosting, PublishSpec publish) {
    this.storage = storage;
    this.hosting = hosting;
    this.publish = publish;
  }

  /**
   * Publishes the package that these manifest rows (one encoding of {@code assetId}) record.
   *
   * @return the URI of the stable master
   */
  public String publish(
      String assetId,
      String encodingId,
      List<RenditionRecord> renditions,
      List<SegmentRecord> segments)
      throws MediaException {
    EncodedPackage pkg;
    PackagePlaylists.Derived playlists;
    try {
      pkg = ManifestRows.toPackage(renditions, segments);
      playlists = PackagePlaylists.derive(pkg);
    } catch (IllegalArgumentException e) {
      throw new MediaException(MediaException.Kind.PUBLISH, e.getMessage(), e);
    }
    if (!pkg.assetId().equals(assetId) || !pkg.encodingId().equals(encodingId)) {
      throw new MediaException(
          MediaException.Kind.PUBLISH,
          "the rows are of " + pkg.assetId() + "/" + pkg.encodingId() + ", not " + encodingId);
    }
    if (publish.strict()) {
      PackageResources resources = new PackageResources(pkg, playlists, storage);
      ValidationReport report =
          new HlsValidator(
                  resources,
                  publish.ffprobeCrossCheck()
                      ? HlsValidator.PictureCheck.FFPROBE_CROSS_CHECK
                      : HlsValidator.PictureCheck.BITSTREAM)
              .validate(resources.masterUri());
      if (!report.valid()) {
        throw new MediaException(
            MediaException.Kind.INVALID_PACKAGE,
            "the package breaks "
                + report.errors().size()
                + " rule(s), not published: "
                + report.errors().stream()
                    .limit(5)
                    .map(f -> "[" + f.rule() + "] " + f.message())
                    .collect(Collectors.joining("; ")));
      }
    }
    HostingLayout.Encoding layout = HostingLayout.encoding(assetId, encodingId);
    boolean copyMedia = publish.media() == PublishMedia.COPY;
    try {
      for (PackagedRendition r : copyMedia ? pkg.renditions() : List.<PackagedRendition>of()) {
        if (r.initFileName() != null) {
          copy(
              OutputLayout.object(r.mediaUri(), r.initFileName()),
              layout.mediaObject(r.name(), r.initFileName()));
        }
        Set<HostingKey> copied = new HashSet<>();
        for (Segment s : r.segments()) {
          HostingKey key = layout.mediaObject(r.name(), s.fileName());
          if (copied.add(key)) { // in the single-file layout many segments share one object
            copy(s.uri(), key);
          }
        }
      }
      for (Map.Entry<String, String> e : playlists.files().entrySet()) {
        write(layout.playlist(e.getKey()), e.getValue());
      }
      write(layout.master(), playlists.versionedMaster());
      HostingKey stable = HostingLayout.stableMaster(assetId);
      write(stable, playlists.stableMaster());
      return hosting.uri(stable.path());
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.PUBLISH,
          "cannot write to hosting " + hosting.uri("") + ": " + e.getMessage(),
          e);
    }
  }

  private void copy(String sourceUri, HostingKey key) throws IOException {
    hosting.copyFrom(
        sourceUri,
        key.path(),
        HostingStores.contentType(key),
        HostingStores.cacheControl(key, publish));
  }

  private void write(HostingKey key, String text) throws IOException {
    hosting.put(
        key.path(),
        text.getBytes(StandardCharsets.UTF_8),
        HostingStores.contentType(key),
        HostingStores.cacheControl(key, publish));
  }
}
