package io.hlsforge.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hlsforge.layout.HostingLayout;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code {hosting}/index.json}: the published assets with their master path relative to the hosting
 * root, which {@code player/index.html} lists. Pure text in, text out.
 *
 * <p>Bounded: it holds at most {@code maxAssets} assets, because every publish reads and rewrites
 * it whole. Listed assets stay listed and are updated; an asset beyond the limit is left out, and
 * the index then says {@code "complete": false} from that run on (the manifests list every asset).
 */
public final class HostingIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HostingIndex() {}

  public static String merge(String existingJson, List<PublishedAsset> published, int maxAssets) {
    Map<String, ObjectNode> byAsset = new TreeMap<>();
    boolean complete = true;
    if (existingJson != null && !existingJson.isBlank()) {
      try {
        JsonNode existing = JSON.readTree(existingJson);
        complete = existing.path("complete").asBoolean(true);
        for (JsonNode n : existing.path("assets")) {
          if (n.isObject() && n.has("asset_id")) {
            byAsset.put(n.get("asset_id").asText(), (ObjectNode) n);
          }
        }
      } catch (IOException e) {
        // A corrupt index is rebuilt from this run rather than blocking publication.
      }
    }
    for (PublishedAsset p : published) {
      if (!byAsset.containsKey(p.assetId()) && byAsset.size() >= maxAssets) {
        complete = false;
        continue;
      }
      ObjectNode n = JSON.createObjectNode();
      n.put("asset_id", p.assetId());
      n.put("encoding_id", p.encodingId());
      n.put("master", HostingLayout.stableMaster(p.assetId()).path());
      n.put("duration_s", Math.round(p.durationS() * 1000) / 1000.0);
      n.put("renditions", p.renditions());
      byAsset.put(p.assetId(), n);
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("complete", complete);
    ArrayNode assets = root.putArray("assets");
    byAsset.values().forEach(assets::add);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write hosting index", e);
    }
  }
}
