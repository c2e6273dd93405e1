package io.hlsforge.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.config.PublishSpec;
import org.junit.jupiter.api.Test;

class HostingStoresTest {
  private static final PublishSpec PUBLISH = new PublishSpec(true, "seg", "playlist", "master");

  @Test
  void onlyTheStableEntryPointsAreShortLived() {
    assertThat(HostingStores.cacheControl("show-1/master.m3u8", PUBLISH)).isEqualTo("master");
    assertThat(HostingStores.cacheControl("index.json", PUBLISH)).isEqualTo("master");
    assertThat(HostingStores.cacheControl("show-1/e0123/master.m3u8", PUBLISH))
        .as("versioned master")
        .isEqualTo("playlist");
    assertThat(HostingStores.cacheControl("show-1/e0123/720p/index.m3u8", PUBLISH))
        .isEqualTo("playlist");
    assertThat(HostingStores.cacheControl("show-1/e0123/720p/segment_00000.ts", PUBLISH))
        .isEqualTo("seg");
    assertThat(HostingStores.cacheControl("show-1/e0123/720p/init.mp4", PUBLISH)).isEqualTo("seg");
  }

  @Test
  void contentTypesFollowAppleSpec() {
    assertThat(HostingStores.contentType("a/master.m3u8"))
        .isEqualTo("application/vnd.apple.mpegurl");
    assertThat(HostingStores.contentType("a/e/v/segment_00000.ts")).isEqualTo("video/mp2t");
    assertThat(HostingStores.contentType("a/e/v/segment_00000.m4s")).isEqualTo("video/mp4");
    assertThat(HostingStores.contentType("a/e/v/init_0.mp4")).isEqualTo("video/mp4");
    assertThat(HostingStores.contentType("a/e/audio/x.aac")).isEqualTo("audio/aac");
    assertThat(HostingStores.contentType("a/e/subs/x.vtt")).isEqualTo("text/vtt");
  }
}
