package io.hlsforge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** index.json merging and its size bound, read back with a plain JSON parser. */
class HostingIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PublishedAsset published(String id, String encoding) {
    return new PublishedAsset(id, encoding, "unused", 12.5, 3, false, 0);
  }

  private static List<String> ids(JsonNode index) {
    List<String> out = new ArrayList<>();
    index.path("assets").forEach(a -> out.add(a.get("asset_id").asText()));
    return out;
  }

  @Test
  void aPublishAddsAndUpdatesAssetsAndKeepsTheOthers() throws Exception {
    String before =
        "{\"assets\": [{\"asset_id\": \"b\", \"encoding_id\": \"e1\", \"master\": \"b/master.m3u8\"},"
            + " {\"asset_id\": \"z\", \"encoding_id\": \"e9\", \"master\": \"z/master.m3u8\"}]}";
    JsonNode after =
        JSON.readTree(
            HostingIndex.merge(before, List.of(published("b", "e2"), published("a", "e3")), 10));

    assertThat(ids(after)).containsExactly("a", "b", "z");
    assertThat(after.path("assets").get(1).get("encoding_id").asText()).isEqualTo("e2");
    assertThat(after.path("assets").get(0).get("master").asText()).isEqualTo("a/master.m3u8");
    assertThat(after.get("complete").asBoolean()).isTrue();
  }

  @Test
  void beyondItsLimitNewAssetsAreLeftOutListedOnesStillUpdateAndItSaysSoFromThenOn()
      throws Exception {
    String two = HostingIndex.merge(null, List.of(published("a", "e1"), published("b", "e1")), 2);
    JsonNode full =
        JSON.readTree(
            HostingIndex.merge(two, List.of(published("c", "e1"), published("a", "e2")), 2));

    assertThat(ids(full)).containsExactly("a", "b");
    assertThat(full.path("assets").get(0).get("encoding_id").asText()).isEqualTo("e2");
    assertThat(full.get("complete").asBoolean()).isFalse();

    JsonNode later =
        JSON.readTree(HostingIndex.merge(full.toString(), List.of(published("b", "e3")), 2));
    assertThat(later.get("complete").asBoolean()).as("still missing c").isFalse();
  }

  @Test
  void aCorruptIndexIsRebuiltFromThisRun() throws Exception {
    JsonNode rebuilt =
        JSON.readTree(HostingIndex.merge("{not json", List.of(published("a", "e1")), 10));
    assertThat(ids(rebuilt)).containsExactly("a");
  }
}
