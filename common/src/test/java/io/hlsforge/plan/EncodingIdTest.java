package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.testkit.Probes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncodingIdTest {
  private static final HlsforgeSettings DEFAULTS =
      HlsforgeSettings.from(ConfigFactory.defaultReference());
  private static final List<PlannedRendition> PLAN =
      List.of(
          PlannedRendition.video("720p", 1280, 720, 3000, 25),
          PlannedRendition.audio("audio-stereo", 128, 2));

  private static final String FINGERPRINT = "file:/catalogue/a.mp4|52428800|1700000000000";
  private static final String ENCODER = "ffmpeg version 8.1.2";
  private static final String DEFAULT_SETTINGS =
      """
      segment=6.0
      format=ts
      layout=segments
      video=VideoSpec[codec=libx264, preset=veryfast, profile=high, keyframeIntervalSeconds=2.0, \
      maxrateFactor=1.1, bufsizeFactor=2.0]
      audio=AudioSpec[codec=aac, kbps=128, channels=2, sampleRate=48000, surroundKbps=384]
      recipe=h264-levels,audio-on-picture-timeline
      """;
  private static final String DEFAULT_LADDER_AT_25 =
      """
      rendition=PlannedRendition[name=1080p, kind=VIDEO, videoCodec=h264, width=1920, \
      height=1080, videoKbps=6000, audioKbps=0, audioChannels=0, frameRate=25.0, copy=false]
      rendition=PlannedRendition[name=720p, kind=VIDEO, videoCodec=h264, width=1280, \
      height=720, videoKbps=3000, audioKbps=0, audioChannels=0, frameRate=25.0, copy=false]
      rendition=PlannedRendition[name=540p, kind=VIDEO, videoCodec=h264, width=960, \
      height=540, videoKbps=2000, audioKbps=0, audioChannels=0, frameRate=25.0, copy=false]
      rendition=PlannedRendition[name=360p, kind=VIDEO, videoCodec=h264, width=640, \
      height=360, videoKbps=730, audioKbps=0, audioChannels=0, frameRate=25.0, copy=false]
      rendition=PlannedRendition[name=audio-stereo, kind=AUDIO, videoCodec=null, width=0, \
      height=0, videoKbps=0, audioKbps=128, audioChannels=2, frameRate=0.0, copy=false]
      """;

  private static HlsforgeSettings settings(Map<String, String> overrides) {
    return HlsforgeSettings.from(ConfigLoader.load(overrides, Optional.empty(), Optional.empty()));
  }

  private static ProbeResult source(
      double seconds,
      String videoCodec,
      int width,
      int height,
      double fps,
      String audioCodec,
      int channels) {
    return Probes.of(
        "mov,mp4",
        seconds,
        5_000_000,
        videoCodec,
        videoCodec == null ? null : "High",
        videoCodec == null ? 0 : 40,
        width,
        height,
        videoCodec == null ? 0 : 1,
        videoCodec == null ? 0 : 1,
        fps,
        fps,
        false,
        0,
        audioCodec,
        channels,
        48000,
        "eng");
  }

  /** The id as defined in docs/manifests.md: "e" + the first 16 hex digits of SHA-256(text). */
  private static String idOf(String canonicalText) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(canonicalText.getBytes(StandardCharsets.UTF_8));
    return "e" + HexFormat.of().formatHex(digest).substring(0, 16);
  }

  /**
   * The id is the hash of the text (worked out here with the JDK's SHA-256, not EncodingId's), the
   * text is what EncodingId writes, and the id is what it returns.
   */
  private static void assertPinned(
      String text,
      String id,
      List<PlannedRendition> plan,
      HlsforgeSettings settings,
      List<ChunkPlanner.Chunk> chunks)
      throws Exception {
    assertThat(idOf(text)).isEqualTo(id);
    assertThat(EncodingId.canonicalText(FINGERPRINT, plan, settings, ENCODER, chunks, null))
        .isEqualTo(text);
    assertThat(EncodingId.of(FINGERPRINT, plan, settings, ENCODER, chunks, null)).isEqualTo(id);
  }

  /** The id of an unchunked packaging whose source needs no conversion, lead-in or recording. */
  private static String plainId(
      String fingerprint, List<PlannedRendition> plan, HlsforgeSettings settings, String encoder) {
    return EncodingId.of(fingerprint, plan, settings, encoder, List.of(), null);
  }

  @Test
  void sameInputsGiveTheSameIdAndAnyChangeGivesAnother() {
    String fp = EncodingId.sourceFingerprint("file:/a.mp4", 100, 5);
    String id = plainId(fp, PLAN, DEFAULTS, "ffmpeg 8.1.2");
    assertThat(plainId(fp, PLAN, DEFAULTS, "ffmpeg 8.1.2")).isEqualTo(id).matches("e[0-9a-f]{16}");
    assertThat(
            plainId(
                EncodingId.sourceFingerprint("file:/a.mp4", 100, 6),
                PLAN,
                DEFAULTS,
                "ffmpeg 8.1.2"))
        .isNotEqualTo(id);
    assertThat(plainId(fp, PLAN, DEFAULTS, "ffmpeg 8.2")).isNotEqualTo(id);
    assertThat(
            plainId(
                fp,
                List.of(
                    PlannedRendition.video("720p", 1280, 720, 2500, 25),
                    PlannedRendition.audio("audio-stereo", 128, 2)),
                DEFAULTS,
                "ffmpeg 8.1.2"))
        .isNotEqualTo(id);
    HlsforgeSettings fourSeconds = settings(Map.of("hlsforge.segment-seconds", "4"));
    assertThat(plainId(fp, PLAN, fourSeconds, "ffmpeg 8.1.2")).isNotEqualTo(id);
  }

  @Test
  void theFingerprintIsUriLengthAndModificationTime() {
    assertThat(EncodingId.sourceFingerprint("file:/catalogue/a.mp4", 52428800, 1700000000000L))
        .isEqualTo(FINGERPRINT);
  }

  // The ids below are the ones committed in existing catalogues: they change only when the bytes a
  // package would hold change (a change re-encodes every title). The recipe line of 0.1 (H.264
  // levels, audio on the picture's timeline) changed them all once, on purpose: see
  // docs/manifests.md. Each is pinned twice: as a literal, and as the hash of the canonical text
  // written out here, so a reader sees exactly what an id is made of.

  @Test
  void aDefaultLadderKeepsItsId() throws Exception {
    String text =
        "source="
            + FINGERPRINT
            + "\nencoder="
            + ENCODER
            + "\n"
            + DEFAULT_SETTINGS
            + DEFAULT_LADDER_AT_25;
    List<PlannedRendition> plan =
        LadderPlanner.plan(source(60, "h264", 1920, 1080, 25, "aac", 2), DEFAULTS);

    assertPinned(text, "e10c8cf9fe8a4d435", plan, DEFAULTS, List.of());
  }

  @Test
  void aChunkedTitleKeepsItsId() throws Exception {
    String text =
        "chunks=6x50\nsource="
            + FINGERPRINT
            + "\nencoder="
            + ENCODER
            + "\n"
            + DEFAULT_SETTINGS
            + DEFAULT_LADDER_AT_25;
    List<PlannedRendition> plan =
        LadderPlanner.plan(source(1800, "h264", 1920, 1080, 25, "aac", 2), DEFAULTS);
    List<ChunkPlanner.Chunk> chunks = ChunkPlanner.plan(1800, 6, 50, 600);

    assertPinned(text, "e400b36030307d595", plan, DEFAULTS, chunks);
  }

  @Test
  void anFmp4SingleFileHevcSurroundPackageKeepsItsId() throws Exception {
    HlsforgeSettings s =
        settings(
            Map.of(
                "hlsforge.segment-format", "fmp4",
                "hlsforge.layout", "single-file",
                "hlsforge.hevc-ladder", "[{name = hevc-720p, height = 720, video-kbps = 1800}]"));
    String text =
        """
        source=file:/catalogue/a.mp4|52428800|1700000000000
        encoder=ffmpeg version 8.1.2
        segment=6.0
        format=fmp4
        layout=single-file
        video=VideoSpec[codec=libx264, preset=veryfast, profile=high, keyframeIntervalSeconds=2.0, \
        maxrateFactor=1.1, bufsizeFactor=2.0]
        audio=AudioSpec[codec=aac, kbps=128, channels=2, sampleRate=48000, surroundKbps=384]
        recipe=h264-levels,audio-on-picture-timeline
        rendition=PlannedRendition[name=720p, kind=VIDEO, videoCodec=h264, width=1280, \
        height=720, videoKbps=3000, audioKbps=0, audioChannels=0, frameRate=29.97002997002997, \
        copy=false]
        rendition=PlannedRendition[name=540p, kind=VIDEO, videoCodec=h264, width=960, \
        height=540, videoKbps=2000, audioKbps=0, audioChannels=0, frameRate=29.97002997002997, \
        copy=false]
        rendition=PlannedRendition[name=360p, kind=VIDEO, videoCodec=h264, width=640, \
        height=360, videoKbps=730, audioKbps=0, audioChannels=0, frameRate=29.97002997002997, \
        copy=false]
        rendition=PlannedRendition[name=hevc-720p, kind=VIDEO, videoCodec=hevc, width=1280, \
        height=720, videoKbps=1800, audioKbps=0, audioChannels=0, frameRate=29.97002997002997, \
        copy=false]
        rendition=PlannedRendition[name=audio-stereo, kind=AUDIO, videoCodec=null, width=0, \
        height=0, videoKbps=0, audioKbps=128, audioChannels=2, frameRate=0.0, copy=false]
        rendition=PlannedRendition[name=audio-51, kind=AUDIO, videoCodec=null, width=0, \
        height=0, videoKbps=0, audioKbps=384, audioChannels=6, frameRate=0.0, copy=false]
        """;
    List<PlannedRendition> plan =
        LadderPlanner.plan(source(60, "h264", 1280, 720, 29.97, "aac", 6), s);

    assertPinned(text, "eeb28713672b95606", plan, s, List.of());
  }

  @Test
  void aCopiedVideoWithTranscodedMp3KeepsItsId() throws Exception {
    HlsforgeSettings s = settings(Map.of("hlsforge.copy.mode", "auto"));
    String text =
        "source="
            + FINGERPRINT
            + "\nencoder="
            + ENCODER
            + "\n"
            + DEFAULT_SETTINGS
            + """
            rendition=PlannedRendition[name=source, kind=VIDEO, videoCodec=h264, width=1280, \
            height=720, videoKbps=0, audioKbps=0, audioChannels=0, frameRate=29.97, copy=true]
            rendition=PlannedRendition[name=audio-stereo, kind=AUDIO, videoCodec=null, width=0, \
            height=0, videoKbps=0, audioKbps=128, audioChannels=2, frameRate=0.0, copy=false]
            """;
    List<PlannedRendition> plan =
        LadderPlanner.plan(source(60, "h264", 1280, 720, 29.97, "mp3", 2), s);

    assertPinned(text, "e60b7f56483f010e5", plan, s, List.of());
  }

  @Test
  void anAudioOnlyTitleKeepsItsId() throws Exception {
    String text =
        "source="
            + FINGERPRINT
            + "\nencoder="
            + ENCODER
            + "\n"
            + DEFAULT_SETTINGS
            + """
            rendition=PlannedRendition[name=audio-stereo, kind=AUDIO, videoCodec=null, width=0, \
            height=0, videoKbps=0, audioKbps=128, audioChannels=2, frameRate=0.0, copy=false]
            """;
    List<PlannedRendition> plan = LadderPlanner.plan(source(60, null, 0, 0, 0, "mp3", 2), DEFAULTS);

    assertPinned(text, "e3d9b8c4b96617325", plan, DEFAULTS, List.of());
  }
}
