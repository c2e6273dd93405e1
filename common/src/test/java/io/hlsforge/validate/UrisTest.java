package io.hlsforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reference resolution as RFC 3986 §5.4 examples it, plus the forms playlists use. */
class UrisTest {
  @Test
  void referencesResolveAgainstThePlaylist() {
    assertThat(Uris.resolve("http://a/b/c/d;p?q", "g")).isEqualTo("http://a/b/c/g");
    assertThat(Uris.resolve("http://a/b/c/d;p?q", "../g")).isEqualTo("http://a/b/g");
    assertThat(Uris.resolve("http://a/b/c/d;p?q", "/g")).isEqualTo("http://a/g");
    assertThat(Uris.resolve("http://a/b/master.m3u8", "https://cdn/x.m3u8"))
        .isEqualTo("https://cdn/x.m3u8");
  }

  @Test
  void localFilesKeepTheirEmptyAuthorityAndSpaces() {
    assertThat(Uris.resolve("file:///hls/my title/master.m3u8", "e1/360p/index.m3u8"))
        .isEqualTo("file:///hls/my title/e1/360p/index.m3u8");
  }

  @Test
  void aReferenceThatIsNotAUriIsResolvedAsText() {
    assertThat(Uris.resolve("http://a/b/master.m3u8", "seg[1].ts"))
        .isEqualTo("http://a/b/seg[1].ts");
    assertThat(Uris.resolve("http://a/b/master.m3u8", "/x/seg[1].ts"))
        .isEqualTo("http://a/x/seg[1].ts");
  }
}
