package io.hlsforge.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** Everything the validator found in one presentation. */
public record ValidationReport(String uri, List<Finding> findings, int playlists, int segments) {
  public ValidationReport {
    findings = List.copyOf(findings);
  }

  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }

  public boolean valid() {
    return errors().isEmpty();
  }

  public boolean has(Rule rule) {
    return findings.stream().anyMatch(f -> f.rule() == rule);
  }

  public String toText() {
    StringBuilder s = new StringBuilder();
    for (Finding f : findings) {
      s.append(f).append('\n');
    }
    s.append(uri)
        .append(": ")
        .append(errors().size())
        .append(" error(s), ")
        .append(warnings().size())
        .append(" warning(s) in ")
        .append(playlists)
        .append(" playlist(s), ")
        .append(segments)
        .append(" segment(s)\n");
    return s.toString();
  }

  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("uri", uri);
    root.put("valid", valid());
    root.put("errors", errors().size());
    root.put("warnings", warnings().size());
    root.put("playlists", playlists);
    root.put("segments", segments);
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode n = list.addObject();
      n.put("rule", f.rule().name());
      n.put("severity", f.severity().name());
      n.put("source", f.rule().source());
      n.put("where", f.where());
      n.put("message", f.message());
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
