package io.hlsforge.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.PublishMedia;
import io.hlsforge.config.PublishSpec;
import io.hlsforge.hosting.HostingStores;
import io.hlsforge.layout.HostingKey.Lifetime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hosting layout as README.md documents it, key by key. */
class HostingLayoutTest {
  private static final PublishSpec PUBLISH =
      new PublishSpec(true, false, "seg", "playlist", "master", PublishMedia.COPY, 10_000);

  @Test
  void everyKeyIsWhereTheReadmeSaysItIs() {
    HostingLayout.Encoding e = HostingLayout.encoding("show-1", "e0123");
    assertThat(HostingLayout.index()).isEqualTo(new HostingKey("index.json", Lifetime.STABLE));
    assertThat(HostingLayout.stableMaster("show-1"))
        .isEqualTo(new HostingKey("show-1/master.m3u8", Lifetime.STABLE));
    assertThat(e.master())
        .isEqualTo(new HostingKey("show-1/e0123/master.m3u8", Lifetime.IMMUTABLE_PLAYLIST));
    assertThat(e.mediaPlaylist("720p"))
        .isEqualTo(new HostingKey("show-1/e0123/720p/index.m3u8", Lifetime.IMMUTABLE_PLAYLIST));
    assertThat(e.iframePlaylist("720p"))
        .isEqualTo(new HostingKey("show-1/e0123/720p/iframes.m3u8", Lifetime.IMMUTABLE_PLAYLIST));
    assertThat(e.mediaObject("720p", "segment_00000.ts"))
        .isEqualTo(new HostingKey("show-1/e0123/720p/segment_00000.ts", Lifetime.IMMUTABLE_MEDIA));
    assertThat(e.mediaObject("720p", "init.mp4").path()).isEqualTo("show-1/e0123/720p/init.mp4");
  }

  @Test
  void playlistsReferenceEachOtherRelativeToTheirOwnDirectory() {
    assertThat(HostingLayout.Encoding.mediaPlaylistRef("audio-stereo"))
        .isEqualTo("audio-stereo/index.m3u8");
    assertThat(HostingLayout.Encoding.iframePlaylistRef("720p")).isEqualTo("720p/iframes.m3u8");
    assertThat(HostingLayout.fromStableMaster("e0123", "720p/index.m3u8"))
        .isEqualTo("e0123/720p/index.m3u8");
    // A reference resolved from the stable master's directory lands on the versioned key.
    HostingLayout.Encoding e = HostingLayout.encoding("show-1", "e0123");
    assertThat(
            "show-1/"
                + HostingLayout.fromStableMaster(
                    "e0123", HostingLayout.Encoding.mediaPlaylistRef("720p")))
        .isEqualTo(e.mediaPlaylist("720p").path());
  }

  @Test
  void onlyTheStableKeysAreShortLivedAndInvalidated() {
    HostingLayout.Encoding e = HostingLayout.encoding("show-1", "e0123");
    assertThat(HostingStores.cacheControl(HostingLayout.stableMaster("show-1"), PUBLISH))
        .isEqualTo("master");
    assertThat(HostingStores.cacheControl(HostingLayout.index(), PUBLISH)).isEqualTo("master");
    assertThat(HostingStores.cacheControl(e.master(), PUBLISH))
        .as("versioned master")
        .isEqualTo("playlist");
    assertThat(HostingStores.cacheControl(e.mediaPlaylist("720p"), PUBLISH)).isEqualTo("playlist");
    assertThat(HostingStores.cacheControl(e.mediaObject("720p", "segment_00000.ts"), PUBLISH))
        .isEqualTo("seg");
    assertThat(HostingStores.cacheControl(e.mediaObject("720p", "init.mp4"), PUBLISH))
        .isEqualTo("seg");
    assertThat(HostingLayout.stableKeys(List.of("a", "b")))
        .extracting(HostingKey::path)
        .containsExactly("a/master.m3u8", "b/master.m3u8", "index.json");
  }

  @Test
  void contentTypesFollowAppleSpec() {
    HostingLayout.Encoding e = HostingLayout.encoding("a", "e");
    assertThat(HostingStores.contentType(HostingLayout.stableMaster("a")))
        .isEqualTo("application/vnd.apple.mpegurl");
    assertThat(HostingStores.contentType(e.mediaObject("v", "segment_00000.ts")))
        .isEqualTo("video/mp2t");
    assertThat(HostingStores.contentType(e.mediaObject("v", "segment_00000.m4s")))
        .isEqualTo("video/mp4");
    assertThat(HostingStores.contentType(e.mediaObject("v", "init_0.mp4"))).isEqualTo("video/mp4");
    assertThat(HostingStores.contentType(e.mediaObject("audio", "x.aac"))).isEqualTo("audio/aac");
    assertThat(HostingStores.contentType(e.mediaObject("subs", "x.vtt"))).isEqualTo("text/vtt");
    assertThat(HostingStores.contentType(HostingLayout.index())).isEqualTo("application/json");
  }

  @Test
  void aStableMasterPointsIntoTheEncodingItsUrisStartWith() {
    String master =
        "#EXTM3U\n"
            + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Stereo\",URI=\"e2/audio-stereo/index.m3u8\"\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=1000\n"
            + "e2/720p/index.m3u8\n";
    assertThat(HostingLayout.stableMasterPointsInto(master, "e2")).isTrue();
    assertThat(HostingLayout.stableMasterPointsInto(master, "e1")).isFalse();
    assertThat(HostingLayout.stableMasterPointsInto("#EXTM3U\n", "e2")).isFalse();
  }
}
