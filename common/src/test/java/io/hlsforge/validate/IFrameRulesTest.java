package io.hlsforge.validate;

import static io.hlsforge.validate.Views.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hlsforge.hls.PlaylistParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class IFrameRulesTest {
  private static final String VARIANT = "#EXT-X-STREAM-INF:BANDWIDTH=1\nv/index.m3u8";
  private static final String IFRAMES =
      "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.42c01e\",RESOLUTION=640x360,URI=\"v/iframes.m3u8\"";
  private static final String IFRAMES_URI = "http://cdn.test/title/v/iframes.m3u8";
  private final IFrameRules rules = new IFrameRules();

  private static final MediaPlaylistView VIDEO =
      Views.playlist(
          "http://cdn.test/title/v/index.m3u8", Views.vod(2, 2.0), 1000, Views.video(0, 2, 50, 0));

  private static IFramePlaylistView iframes(PlaylistParser.Master m, String... lines) {
    return new IFramePlaylistView(IFRAMES_URI, m.iframeStreams().get(0), Views.media(lines));
  }

  @Test
  void videoWithoutIFramePlaylistsBreaksC13() {
    assertThat(
            check(
                rules,
                Views.presentation(Views.master("#EXTM3U", VARIANT), List.of(VIDEO), List.of())))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(Rule.C13, "no EXT-X-I-FRAME-STREAM-INF: trick play needs I-frame playlists"));
  }

  @Test
  void aByteRangedIFramesOnlyPlaylistHasNoFindings() {
    PlaylistParser.Master m = Views.master("#EXTM3U", VARIANT, IFRAMES);
    IFramePlaylistView good =
        iframes(
            m,
            "#EXTM3U",
            "#EXT-X-VERSION:4",
            "#EXT-X-TARGETDURATION:2",
            "#EXT-X-I-FRAMES-ONLY",
            "#EXTINF:2.0,",
            "#EXT-X-BYTERANGE:9024@376",
            "s0.ts");
    assertThat(check(rules, Views.presentation(m, List.of(VIDEO), List.of(good)))).isEmpty();
  }

  @Test
  void anIncompleteTagAndAPlaylistWithoutIFramesOnlyOrRangesBreakC13() {
    PlaylistParser.Master m =
        Views.master("#EXTM3U", VARIANT, IFRAMES, IFRAMES.replace("CODECS=\"avc1.42c01e\",", ""));
    IFramePlaylistView plain =
        iframes(m, "#EXTM3U", "#EXT-X-TARGETDURATION:2", "#EXTINF:2.0,", "s0.ts");
    assertThat(check(rules, Views.presentation(m, List.of(VIDEO), List.of(plain))))
        .extracting(Finding::rule, Finding::where, Finding::message)
        .containsExactly(
            tuple(
                Rule.C13,
                Views.ROOT,
                "EXT-X-I-FRAME-STREAM-INF needs URI, BANDWIDTH, CODECS and RESOLUTION: "
                    + "{BANDWIDTH=1, RESOLUTION=640x360, URI=v/iframes.m3u8}"),
            tuple(Rule.C13, IFRAMES_URI, "the I-frame playlist has no EXT-X-I-FRAMES-ONLY"),
            tuple(Rule.C13, IFRAMES_URI, "I-frame entry s0.ts has no EXT-X-BYTERANGE"));
  }
}
