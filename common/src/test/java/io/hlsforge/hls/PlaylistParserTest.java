package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example playlists of RFC 8216 §8, typed in from the RFC, with the values they state read off
 * by hand. Where the RFC breaks a long tag over lines with a '\' ("the tag continues on the
 * following line with whitespace removed"), the tag is typed as the one line it stands for.
 */
class PlaylistParserTest {

  /** §8.1 Simple Media Playlist. */
  private static final String SIMPLE_MEDIA =
      """
      #EXTM3U
      #EXT-X-TARGETDURATION:10
      #EXT-X-VERSION:3
      #EXTINF:9.009,
      http://media.example.com/first.ts
      #EXTINF:9.009,
      http://media.example.com/second.ts
      #EXTINF:3.003,
      http://media.example.com/third.ts
      #EXT-X-ENDLIST
      """;

  /** §8.2 Live Media Playlist Using HTTPS. */
  private static final String LIVE_MEDIA =
      """
      #EXTM3U
      #EXT-X-VERSION:3
      #EXT-X-TARGETDURATION:8
      #EXT-X-MEDIA-SEQUENCE:2680

      #EXTINF:7.975,
      https://priv.example.com/fileSequence2680.ts
      #EXTINF:7.941,
      https://priv.example.com/fileSequence2681.ts
      #EXTINF:7.975,
      https://priv.example.com/fileSequence2682.ts
      """;

  /** §8.3 Playlist with Encrypted Media Segments. */
  private static final String ENCRYPTED_MEDIA =
      """
      #EXTM3U
      #EXT-X-VERSION:3
      #EXT-X-MEDIA-SEQUENCE:7794
      #EXT-X-TARGETDURATION:15

      #EXT-X-KEY:METHOD=AES-128,URI="https://priv.example.com/key.php?r=52"

      #EXTINF:2.833,
      http://media.example.com/fileSequence52-A.ts
      #EXTINF:15.0,
      http://media.example.com/fileSequence52-B.ts
      #EXTINF:13.333,
      http://media.example.com/fileSequence52-C.ts

      #EXT-X-KEY:METHOD=AES-128,URI="https://priv.example.com/key.php?r=53"

      #EXTINF:15.0,
      http://media.example.com/fileSequence53-A.ts
      """;

  /** §8.4 Master Playlist. */
  private static final String MASTER =
      """
      #EXTM3U
      #EXT-X-STREAM-INF:BANDWIDTH=1280000,AVERAGE-BANDWIDTH=1000000
      http://example.com/low.m3u8
      #EXT-X-STREAM-INF:BANDWIDTH=2560000,AVERAGE-BANDWIDTH=2000000
      http://example.com/mid.m3u8
      #EXT-X-STREAM-INF:BANDWIDTH=7680000,AVERAGE-BANDWIDTH=6000000
      http://example.com/hi.m3u8
      #EXT-X-STREAM-INF:BANDWIDTH=65000,CODECS="mp4a.40.5"
      http://example.com/audio-only.m3u8
      """;

  /** §8.5 Master Playlist with I-Frames. */
  private static final String MASTER_WITH_I_FRAMES =
      """
      #EXTM3U
      #EXT-X-STREAM-INF:BANDWIDTH=1280000
      low/audio-video.m3u8
      #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=86000,URI="low/iframe.m3u8"
      #EXT-X-STREAM-INF:BANDWIDTH=2560000
      mid/audio-video.m3u8
      #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=150000,URI="mid/iframe.m3u8"
      #EXT-X-STREAM-INF:BANDWIDTH=7680000
      hi/audio-video.m3u8
      #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=550000,URI="hi/iframe.m3u8"
      #EXT-X-STREAM-INF:BANDWIDTH=65000,CODECS="mp4a.40.5"
      audio-only.m3u8
      """;

  /** §8.6 Master Playlist with Alternative Audio. */
  private static final String MASTER_WITH_ALTERNATIVE_AUDIO =
      """
      #EXTM3U
      #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",DEFAULT=YES,AUTOSELECT=YES,LANGUAGE="en",URI="main/english-audio.m3u8"
      #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Deutsch",DEFAULT=NO,AUTOSELECT=YES,LANGUAGE="de",URI="main/german-audio.m3u8"
      #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Commentary",DEFAULT=NO,AUTOSELECT=NO,LANGUAGE="en",URI="commentary/audio-only.m3u8"
      #EXT-X-STREAM-INF:BANDWIDTH=1280000,CODECS="...",AUDIO="aac"
      low/video-only.m3u8
      #EXT-X-STREAM-INF:BANDWIDTH=2560000,CODECS="...",AUDIO="aac"
      mid/video-only.m3u8
      #EXT-X-STREAM-INF:BANDWIDTH=7680000,CODECS="...",AUDIO="aac"
      hi/video-only.m3u8
      #EXT-X-STREAM-INF:BANDWIDTH=65000,CODECS="mp4a.40.5",AUDIO="aac"
      main/english-audio.m3u8
      """;

  /** §8.7 Master Playlist with Alternative Video. */
  private static final String MASTER_WITH_ALTERNATIVE_VIDEO =
      """
      #EXTM3U
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="low",NAME="Main",DEFAULT=YES,URI="low/main/audio-video.m3u8"
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="low",NAME="Centerfield",DEFAULT=NO,URI="low/centerfield/audio-video.m3u8"
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="low",NAME="Dugout",DEFAULT=NO,URI="low/dugout/audio-video.m3u8"

      #EXT-X-STREAM-INF:BANDWIDTH=1280000,CODECS="...",VIDEO="low"
      low/main/audio-video.m3u8

      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="mid",NAME="Main",DEFAULT=YES,URI="mid/main/audio-video.m3u8"
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="mid",NAME="Centerfield",DEFAULT=NO,URI="mid/centerfield/audio-video.m3u8"
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="mid",NAME="Dugout",DEFAULT=NO,URI="mid/dugout/audio-video.m3u8"

      #EXT-X-STREAM-INF:BANDWIDTH=2560000,CODECS="...",VIDEO="mid"
      mid/main/audio-video.m3u8

      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="hi",NAME="Main",DEFAULT=YES,URI="hi/main/audio-video.m3u8"
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="hi",NAME="Centerfield",DEFAULT=NO,URI="hi/centerfield/audio-video.m3u8"
      #EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID="hi",NAME="Dugout",DEFAULT=NO,URI="hi/dugout/audio-video.m3u8"

      #EXT-X-STREAM-INF:BANDWIDTH=7680000,CODECS="...",VIDEO="hi"
      hi/main/audio-video.m3u8
      """;

  @Test
  void simpleMediaPlaylist() {
    PlaylistParser.Media m = PlaylistParser.parseMedia(SIMPLE_MEDIA);

    assertThat(PlaylistParser.isMaster(SIMPLE_MEDIA)).isFalse();
    assertThat(m.version()).isEqualTo(3);
    assertThat(m.targetDuration()).isEqualTo(10);
    assertThat(m.playlistType()).isNull();
    assertThat(m.endList()).isTrue();
    assertThat(m.independentSegments()).isFalse();
    assertThat(m.iFramesOnly()).isFalse();
    assertThat(m.mapUri()).isNull();
    assertThat(m.segments())
        .containsExactly(
            new PlaylistParser.Segment(9.009, "http://media.example.com/first.ts", -1, 0, false),
            new PlaylistParser.Segment(9.009, "http://media.example.com/second.ts", -1, 0, false),
            new PlaylistParser.Segment(3.003, "http://media.example.com/third.ts", -1, 0, false));
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void liveMediaPlaylistUsingHttps() {
    PlaylistParser.Media m = PlaylistParser.parseMedia(LIVE_MEDIA);

    assertThat(m.version()).isEqualTo(3);
    assertThat(m.targetDuration()).isEqualTo(8);
    assertThat(m.endList()).as("a live playlist has no EXT-X-ENDLIST").isFalse();
    assertThat(m.segments())
        .extracting(PlaylistParser.Segment::duration, PlaylistParser.Segment::uri)
        .containsExactly(
            tuple(7.975, "https://priv.example.com/fileSequence2680.ts"),
            tuple(7.941, "https://priv.example.com/fileSequence2681.ts"),
            tuple(7.975, "https://priv.example.com/fileSequence2682.ts"));
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void playlistWithEncryptedMediaSegments() {
    PlaylistParser.Media m = PlaylistParser.parseMedia(ENCRYPTED_MEDIA);

    assertThat(m.version()).isEqualTo(3);
    assertThat(m.targetDuration()).isEqualTo(15);
    assertThat(m.segments())
        .as("EXT-X-KEY lines are tags, not segments")
        .containsExactly(
            new PlaylistParser.Segment(
                2.833, "http://media.example.com/fileSequence52-A.ts", -1, 0, false),
            new PlaylistParser.Segment(
                15.0, "http://media.example.com/fileSequence52-B.ts", -1, 0, false),
            new PlaylistParser.Segment(
                13.333, "http://media.example.com/fileSequence52-C.ts", -1, 0, false),
            new PlaylistParser.Segment(
                15.0, "http://media.example.com/fileSequence53-A.ts", -1, 0, false));
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void masterPlaylist() {
    PlaylistParser.Master m = PlaylistParser.parseMaster(MASTER);

    assertThat(PlaylistParser.isMaster(MASTER)).isTrue();
    assertThat(m.version()).as("no EXT-X-VERSION: version 1").isEqualTo(1);
    assertThat(m.independentSegments()).isFalse();
    assertThat(m.variants())
        .containsExactly(
            variant(
                "http://example.com/low.m3u8",
                "BANDWIDTH",
                "1280000",
                "AVERAGE-BANDWIDTH",
                "1000000"),
            variant(
                "http://example.com/mid.m3u8",
                "BANDWIDTH",
                "2560000",
                "AVERAGE-BANDWIDTH",
                "2000000"),
            variant(
                "http://example.com/hi.m3u8",
                "BANDWIDTH",
                "7680000",
                "AVERAGE-BANDWIDTH",
                "6000000"),
            variant(
                "http://example.com/audio-only.m3u8", "BANDWIDTH", "65000", "CODECS", "mp4a.40.5"));
    assertThat(m.media()).isEmpty();
    assertThat(m.iframeStreams()).isEmpty();
  }

  @Test
  void masterPlaylistWithIFrames() {
    PlaylistParser.Master m = PlaylistParser.parseMaster(MASTER_WITH_I_FRAMES);

    assertThat(PlaylistParser.isMaster(MASTER_WITH_I_FRAMES)).isTrue();
    assertThat(m.variants())
        .containsExactly(
            variant("low/audio-video.m3u8", "BANDWIDTH", "1280000"),
            variant("mid/audio-video.m3u8", "BANDWIDTH", "2560000"),
            variant("hi/audio-video.m3u8", "BANDWIDTH", "7680000"),
            variant("audio-only.m3u8", "BANDWIDTH", "65000", "CODECS", "mp4a.40.5"));
    assertThat(m.iframeStreams())
        .containsExactly(
            iframes("low/iframe.m3u8", "86000"),
            iframes("mid/iframe.m3u8", "150000"),
            iframes("hi/iframe.m3u8", "550000"));
  }

  @Test
  void masterPlaylistWithAlternativeAudio() {
    PlaylistParser.Master m = PlaylistParser.parseMaster(MASTER_WITH_ALTERNATIVE_AUDIO);

    assertThat(m.media())
        .containsExactly(
            audio("English", "YES", "YES", "en", "main/english-audio.m3u8"),
            audio("Deutsch", "NO", "YES", "de", "main/german-audio.m3u8"),
            audio("Commentary", "NO", "NO", "en", "commentary/audio-only.m3u8"));
    assertThat(m.variants())
        .containsExactly(
            variant("low/video-only.m3u8", "BANDWIDTH", "1280000", "CODECS", "...", "AUDIO", "aac"),
            variant("mid/video-only.m3u8", "BANDWIDTH", "2560000", "CODECS", "...", "AUDIO", "aac"),
            variant("hi/video-only.m3u8", "BANDWIDTH", "7680000", "CODECS", "...", "AUDIO", "aac"),
            variant(
                "main/english-audio.m3u8",
                "BANDWIDTH",
                "65000",
                "CODECS",
                "mp4a.40.5",
                "AUDIO",
                "aac"));
    assertThat(m.iframeStreams()).isEmpty();
  }

  @Test
  void masterPlaylistWithAlternativeVideo() {
    PlaylistParser.Master m = PlaylistParser.parseMaster(MASTER_WITH_ALTERNATIVE_VIDEO);

    assertThat(m.media()).hasSize(9);
    for (String group : new String[] {"low", "mid", "hi"}) {
      assertThat(m.media())
          .filteredOn(t -> group.equals(t.get("GROUP-ID")))
          .containsExactly(
              video(group, "Main", "YES", group + "/main/audio-video.m3u8"),
              video(group, "Centerfield", "NO", group + "/centerfield/audio-video.m3u8"),
              video(group, "Dugout", "NO", group + "/dugout/audio-video.m3u8"));
    }
    assertThat(m.variants())
        .containsExactly(
            variant(
                "low/main/audio-video.m3u8",
                "BANDWIDTH",
                "1280000",
                "CODECS",
                "...",
                "VIDEO",
                "low"),
            variant(
                "mid/main/audio-video.m3u8",
                "BANDWIDTH",
                "2560000",
                "CODECS",
                "...",
                "VIDEO",
                "mid"),
            variant(
                "hi/main/audio-video.m3u8",
                "BANDWIDTH",
                "7680000",
                "CODECS",
                "...",
                "VIDEO",
                "hi"));
  }

  @Test
  void aQuotedAttributeKeepsItsCommas() {
    // RFC 8216 §4.2: a quoted-string may hold commas; the CODECS value is RFC 6381's example.
    assertThat(
            PlaylistParser.attributes(
                "BANDWIDTH=65000,CODECS=\"avc1.42e00a,mp4a.40.2\",AUDIO=\"aac\""))
        .containsExactly(
            Map.entry("BANDWIDTH", "65000"),
            Map.entry("CODECS", "avc1.42e00a,mp4a.40.2"),
            Map.entry("AUDIO", "aac"));
  }

  private static PlaylistParser.Tagged variant(String uri, String... attributes) {
    return new PlaylistParser.Tagged("EXT-X-STREAM-INF", map(attributes), uri);
  }

  private static PlaylistParser.Tagged iframes(String uri, String bandwidth) {
    return new PlaylistParser.Tagged(
        "EXT-X-I-FRAME-STREAM-INF", map("BANDWIDTH", bandwidth, "URI", uri), uri);
  }

  private static PlaylistParser.Tagged audio(
      String name, String isDefault, String autoselect, String language, String uri) {
    return new PlaylistParser.Tagged(
        "EXT-X-MEDIA",
        map(
            "TYPE",
            "AUDIO",
            "GROUP-ID",
            "aac",
            "NAME",
            name,
            "DEFAULT",
            isDefault,
            "AUTOSELECT",
            autoselect,
            "LANGUAGE",
            language,
            "URI",
            uri),
        uri);
  }

  private static PlaylistParser.Tagged video(
      String group, String name, String isDefault, String uri) {
    return new PlaylistParser.Tagged(
        "EXT-X-MEDIA",
        map("TYPE", "VIDEO", "GROUP-ID", group, "NAME", name, "DEFAULT", isDefault, "URI", uri),
        uri);
  }

  private static Map<String, String> map(String... keysAndValues) {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
