package io.hlsforge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Optional<Config> APPLICATION =
      Optional.of(
          ConfigFactory.parseString(
              "hlsforge { segment-seconds = 8, audio.kbps = 96, video.preset = fast }"));
  private static final Optional<String> FILE =
      Optional.of("hlsforge { segment-seconds = 5, audio.kbps = 112 }");

  /**
   * A contract, not a copy of reference.conf: the README promises users these defaults (Apple's 6 s
   * segments, 128 kbit/s stereo, a four-rung ladder); changing one is a documented behaviour
   * change.
   */
  @Test
  void contractDefaultsAsDocumentedSixSecondSegments128kAudioAndAFourRungLadder() {
    HlsforgeSettings s =
        HlsforgeSettings.from(ConfigLoader.load(Map.of(), Optional.empty(), Optional.empty()));
    assertThat(s.segmentSeconds()).isEqualTo(6);
    assertThat(s.audio().kbps()).isEqualTo(128);
    assertThat(s.ladder()).extracting(RenditionSpec::height).containsExactly(1080, 720, 540, 360);
  }

  @Test
  void setBeatsConfigFileBeatsApplicationBeatsReference() {
    Map<String, String> sets = Map.of("hlsforge.segment-seconds", "4");
    HlsforgeSettings s = HlsforgeSettings.from(ConfigLoader.load(sets, FILE, APPLICATION));
    assertThat(s.segmentSeconds()).as("--set wins").isEqualTo(4);
    assertThat(s.audio().kbps()).as("file beats application").isEqualTo(112);
    assertThat(s.video().preset()).as("application beats reference").isEqualTo("fast");
    assertThat(s.video().codec()).as("reference fills the rest").isEqualTo("libx264");
  }

  @Test
  void setValuesKeepTheirHoconTypes() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("hlsforge.ladder", "[{name = small, height = 240, video-kbps = 400}]");
    sets.put("hlsforge.video.preset", "ultrafast");
    HlsforgeSettings s =
        HlsforgeSettings.from(ConfigLoader.load(sets, Optional.empty(), Optional.empty()));
    assertThat(s.ladder()).containsExactly(new RenditionSpec("small", 240, 400));
    assertThat(s.video().preset()).isEqualTo("ultrafast");
  }

  @Test
  void invalidValuesAreRejectedWithTheKeyInTheMessage() {
    assertThatThrownBy(
            () ->
                HlsforgeSettings.from(
                    ConfigLoader.load(
                        Map.of("hlsforge.segment-seconds", "0.1"),
                        Optional.empty(),
                        Optional.empty())))
        .hasMessageContaining("hlsforge.segment-seconds");
    assertThatThrownBy(() -> ConfigLoader.splitAssignment("no-equals-sign"))
        .hasMessageContaining("key=value");
    assertThatThrownBy(
            () ->
                HlsforgeSettings.from(
                    ConfigLoader.load(
                        Map.of("hlsforge.segment-seconds", "5"),
                        Optional.empty(),
                        Optional.empty())))
        .as("the 2 s keyframe interval must divide the segment duration")
        .hasMessageContaining("keyframe-interval-seconds");
    assertThatThrownBy(
            () ->
                HlsforgeSettings.from(
                    ConfigLoader.load(
                        Map.of(
                            "hlsforge.ladder",
                            "[{name = \"bad/name\", height = 240, video-kbps = 400}]"),
                        Optional.empty(),
                        Optional.empty())))
        .hasMessageContaining("bad/name");
  }

  @Test
  void describeMasksSecrets() {
    Config c =
        ConfigLoader.load(
            Map.of(
                "fs.s3a.secret.key",
                "hunter2",
                "fs.s3a.access.key",
                "AKIAEXAMPLE",
                "fs.s3a.endpoint",
                "http://127.0.0.1:9000",
                "hlsforge.segment-seconds",
                "4"),
            Optional.empty(),
            Optional.empty());
    String text = ConfigLoader.describe(c);
    assertThat(text)
        .doesNotContain("hunter2")
        .doesNotContain("AKIAEXAMPLE")
        .contains("fs.s3a.secret.key = *****")
        .contains("127.0.0.1:9000")
        .contains("hlsforge.segment-seconds = 4")
        .as("the rest of the settings are described too")
        .contains("hlsforge.video.preset = ");
  }
}
