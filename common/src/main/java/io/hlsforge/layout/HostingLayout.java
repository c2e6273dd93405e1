package io.hlsforge.layout;

import io.hlsforge.layout.HostingKey.Lifetime;
import java.util.ArrayList;
import java.util.List;

/**
 * The one owner of the hosting layout: every key a publish writes, every relative reference a
 * playlist makes to another object, and which keys are stable (rewritten, short cache) and which
 * immutable. Nothing else builds these paths.
 *
 * <pre>
 *   index.json                                         published assets (player/index.html)  stable
 *   {asset}/master.m3u8                                stable entry point of an asset         stable
 *   {asset}/{encoding}/master.m3u8                     versioned master                       immutable
 *   {asset}/{encoding}/{rendition}/index.m3u8          media playlist                         immutable
 *   {asset}/{encoding}/{rendition}/iframes.m3u8        I-frame playlist (video renditions)    immutable
 *   {asset}/{encoding}/{rendition}/{object}            segment, init segment, or the single
 *                                                      media object of the single-file layout immutable
 * </pre>
 *
 * A new encoding gets new versioned keys, so only the two stable keys ever need a CDN invalidation.
 * Pure.
 */
public final class HostingLayout {
  /** File name of every master playlist, stable and versioned. */
  public static final String MASTER = "master.m3u8";

  /** File name of a rendition's media playlist. */
  public static final String MEDIA_PLAYLIST = "index.m3u8";

  /** File name of a video rendition's I-frame playlist. */
  public static final String IFRAME_PLAYLIST = "iframes.m3u8";

  private static final String INDEX = "index.json";

  private HostingLayout() {}

  /** The hosting index the preview player lists. */
  public static HostingKey index() {
    return new HostingKey(INDEX, Lifetime.STABLE);
  }

  /** The stable entry point of an asset: always the master of its live encoding. */
  public static HostingKey stableMaster(String assetId) {
    return new HostingKey(assetId + "/" + MASTER, Lifetime.STABLE);
  }

  /** The keys that change in place when these assets are republished: what a CDN must forget. */
  public static List<HostingKey> stableKeys(List<String> assetIds) {
    List<HostingKey> keys =
        new ArrayList<>(assetIds.stream().map(HostingLayout::stableMaster).toList());
    keys.add(index());
    return keys;
  }

  /** The versioned directory of one encoding of one asset. */
  public static Encoding encoding(String assetId, String encodingId) {
    return new Encoding(assetId, encodingId);
  }

  /**
   * Whether a stable master's text points into {@code encodingId}: every URI the stable master
   * carries starts with its encoding directory (see {@link #fromStableMaster}).
   */
  public static boolean stableMasterPointsInto(String stableMasterText, String encodingId) {
    String prefix = encodingId + "/";
    return stableMasterText
        .lines()
        .anyMatch(l -> l.startsWith(prefix) || l.contains("URI=\"" + prefix));
  }

  /**
   * A reference of a versioned master as the stable master makes it: one directory up, so the
   * stable master's URIs all start with the encoding directory.
   */
  public static String fromStableMaster(String encodingId, String versionedMasterRef) {
    return encodingId + "/" + versionedMasterRef;
  }

  /** The keys of one encoding, and the references its playlists make to each other. */
  public record Encoding(String assetId, String encodingId) {

    private String base() {
      return assetId + "/" + encodingId + "/";
    }

    public HostingKey master() {
      return new HostingKey(base() + MASTER, Lifetime.IMMUTABLE_PLAYLIST);
    }

    /**
     * A playlist given by its path relative to the encoding directory (see {@link
     * #mediaPlaylistRef}).
     */
    public HostingKey playlist(String relativePath) {
      return new HostingKey(base() + relativePath, Lifetime.IMMUTABLE_PLAYLIST);
    }

    public HostingKey mediaPlaylist(String rendition) {
      return playlist(mediaPlaylistRef(rendition));
    }

    public HostingKey iframePlaylist(String rendition) {
      return playlist(iframePlaylistRef(rendition));
    }

    /** A segment, init segment or single-file media object of a rendition. */
    public HostingKey mediaObject(String rendition, String fileName) {
      return new HostingKey(base() + rendition + "/" + fileName, Lifetime.IMMUTABLE_MEDIA);
    }

    /** A rendition's media playlist as the versioned master references it. */
    public static String mediaPlaylistRef(String rendition) {
      return rendition + "/" + MEDIA_PLAYLIST;
    }

    /** A rendition's I-frame playlist as the versioned master references it. */
    public static String iframePlaylistRef(String rendition) {
      return rendition + "/" + IFRAME_PLAYLIST;
    }
  }
}
