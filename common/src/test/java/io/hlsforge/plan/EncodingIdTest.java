package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.hlsforge.config.ConfigLoader;
import io.hlsforge.config.HlsforgeSettings;
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

  @Test
  void sameInputsGiveTheSameIdAndAnyChangeGivesAnother() {
    String fp = EncodingId.sourceFingerprint("file:/a.mp4", 100, 5);
    String id = EncodingId.of(fp, PLAN, DEFAULTS, "ffmpeg 8.1.2");
    assertThat(EncodingId.of(fp, PLAN, DEFAULTS, "ffmpeg 8.1.2"))
        .isEqualTo(id)
        .matches("e[0-9a-f]{16}");
    assertThat(
            EncodingId.of(
                EncodingId.sourceFingerprint("file:/a.mp4", 100, 6),
                PLAN,
                DEFAULTS,
                "ffmpeg 8.1.2"))
        .isNotEqualTo(id);
    assertThat(EncodingId.of(fp, PLAN, DEFAULTS, "ffmpeg 8.2")).isNotEqualTo(id);
    assertThat(
            EncodingId.of(
                fp,
                List.of(
                    PlannedRendition.video("720p", 1280, 720, 2500, 25),
                    PlannedRendition.audio("audio-stereo", 128, 2)),
                DEFAULTS,
                "ffmpeg 8.1.2"))
        .isNotEqualTo(id);
    HlsforgeSettings fourSeconds =
        HlsforgeSettings.from(
            ConfigLoader.load(
                Map.of("hlsforge.segment-seconds", "4"), Optional.empty(), Optional.empty()));
    assertThat(EncodingId.of(fp, PLAN, fourSeconds, "ffmpeg 8.1.2")).isNotEqualTo(id);
  }
}
