package io.hlsforge.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"movie-1", "Show_S01E02", "podcast.2026-11-25", "a"})
  void acceptsSafeIds(String id) {
    assertThat(AssetIds.problem(id)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../etc/passwd",
        "a/b",
        "a\\b",
        "..",
        "x..y",
        ".hidden",
        "has space",
        "semi;colon",
        "ünïcode"
      })
  void rejectsIdsThatCouldEscapeOrBreakObjectKeys(String id) {
    assertThat(AssetIds.problem(id)).isPresent();
  }

  @Test
  void rejectsOverlongIds() {
    assertThat(AssetIds.problem("a".repeat(AssetIds.MAX_LENGTH))).isEmpty();
    assertThat(AssetIds.problem("a".repeat(AssetIds.MAX_LENGTH + 1)))
        .get()
        .asString()
        .contains("longer than");
  }

  @Test
  void derivesSafeIdsFromScannedPaths() {
    assertThat(AssetIds.fromRelativePath("shows/season 1/ep01.mp4"))
        .isEqualTo("shows_season-1_ep01");
    assertThat(AssetIds.fromRelativePath("/podcast.mp3")).isEqualTo("podcast");
    assertThat(AssetIds.fromRelativePath("..sneaky..name.mov")).isEqualTo("sneaky.name");
    assertThat(AssetIds.fromRelativePath("a/b.c/d")).isEqualTo("a_b.c_d");
    for (String p :
        new String[] {
          "shows/season 1/ep01.mp4", "..sneaky..name.mov", "x/../../y.mp4", "日本語.mp4"
        }) {
      assertThat(AssetIds.isValid(AssetIds.fromRelativePath(p))).as(p).isTrue();
    }
  }

  @Test
  void printableIdsCarryNoControlCharactersAndStayShort() {
    assertThat(AssetIds.problem("nul\u0000byte")).isPresent();
    assertThat(AssetIds.printable("nul\u0000byte")).isEqualTo("nul\\u0000byte");
    assertThat(AssetIds.printable("two\nlines\u001b[31m")).isEqualTo("two\\u000alines\\u001b[31m");
    assertThat(AssetIds.printable("y".repeat(300)))
        .startsWith("y".repeat(160) + "…")
        .endsWith("(300 characters)");
    assertThat(AssetIds.printable("movie-1")).isEqualTo("movie-1");
  }
}
