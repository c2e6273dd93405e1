package io.hlsforge.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void iso639TwoCodesBecomeTheShortestBcp47Tag() {
    // RFC 5646 §2.2.1: the shortest ISO 639 code; both 639-2 forms (bibliographic/terminology).
    assertThat(Languages.bcp47("spa")).isEqualTo("es");
    assertThat(Languages.bcp47("fre")).isEqualTo("fr");
    assertThat(Languages.bcp47("fra")).isEqualTo("fr");
    assertThat(Languages.bcp47("ger")).isEqualTo("de");
    assertThat(Languages.bcp47("deu")).isEqualTo("de");
    assertThat(Languages.bcp47("ENG")).isEqualTo("en");
  }

  @Test
  void bcp47TagsStayWithNormalisedCaseAndUnknownBecomesUnd() {
    assertThat(Languages.bcp47("pt-br")).isEqualTo("pt-BR");
    assertThat(Languages.bcp47("zh_hant")).isEqualTo("zh-Hant");
    assertThat(Languages.bcp47("yue")).isEqualTo("yue");
    assertThat(Languages.bcp47(null)).isEqualTo("und");
    assertThat(Languages.bcp47("")).isEqualTo("und");
    assertThat(Languages.bcp47("mul")).isEqualTo("und");
    assertThat(Languages.bcp47("English")).isEqualTo("und");
  }

  @Test
  void namesAndSameLanguage() {
    assertThat(Languages.name("es")).isEqualTo("Spanish");
    assertThat(Languages.name("pt-BR")).isEqualTo("Portuguese (BR)");
    assertThat(Languages.name("und")).isNull();
    assertThat(Languages.sameLanguage("spa", "es")).isTrue();
    assertThat(Languages.sameLanguage("pt-BR", "por")).isTrue();
    assertThat(Languages.sameLanguage("eng", "spa")).isFalse();
    // An untagged track is "und": a selection of "und" keeps untagged tracks.
    assertThat(Languages.sameLanguage(null, "und")).isTrue();
    assertThat(Languages.sameLanguage(null, "en")).isFalse();
  }
}
