package io.hlsforge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigWordTest {
  private static HlsforgeSettings with(String key, String value) {
    return HlsforgeSettings.from(
        ConfigLoader.load(Map.of(key, value), Optional.empty(), Optional.empty()));
  }

  @Test
  void everyEnumValuedKeyReadsTheWordsReferenceConfDocuments() {
    assertThat(with("hlsforge.segment-format", "fmp4").segmentFormat())
        .isEqualTo(SegmentFormat.FMP4);
    assertThat(with("hlsforge.layout", "single-file").layout()).isEqualTo(MediaLayout.SINGLE_FILE);
    assertThat(with("hlsforge.copy.mode", "auto").copy().mode()).isEqualTo(CopyMode.AUTO);
    assertThat(with("hlsforge.input.on-corruption", "conceal").input().onCorruption())
        .isEqualTo(OnCorruption.CONCEAL);
    assertThat(with("hlsforge.publish.media", "skip").publish().media())
        .isEqualTo(PublishMedia.SKIP);
    HlsforgeSettings defaults =
        HlsforgeSettings.from(ConfigLoader.load(Map.of(), Optional.empty(), Optional.empty()));
    assertThat(defaults.segmentFormat()).isEqualTo(SegmentFormat.TS);
    assertThat(defaults.layout()).isEqualTo(MediaLayout.SEGMENTS);
    assertThat(defaults.publish().media()).isEqualTo(PublishMedia.COPY);
  }

  @Test
  void aTypoFailsAtStartWithTheKeyAndTheAllowedWords() {
    // Before enums, publish.media = "cpoy" silently meant "skip".
    assertThatThrownBy(() -> with("hlsforge.publish.media", "cpoy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot use hlsforge.publish.media=cpoy: use \"copy\" or \"skip\"");
    assertThatThrownBy(() -> with("hlsforge.layout", "single_file"))
        .hasMessage("Cannot use hlsforge.layout=single_file: use \"segments\" or \"single-file\"");
    assertThatThrownBy(() -> with("hlsforge.segment-format", "mp4"))
        .hasMessage("Cannot use hlsforge.segment-format=mp4: use \"ts\" or \"fmp4\"");
  }

  @Test
  void wordsAreLowerCaseNamesWithHyphens() {
    assertThat(MediaLayout.SINGLE_FILE.word()).isEqualTo("single-file");
    assertThat(SegmentFormat.FMP4.word()).isEqualTo("fmp4");
  }
}
