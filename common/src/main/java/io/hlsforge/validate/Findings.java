package io.hlsforge.validate;

import java.util.ArrayList;
import java.util.List;

/** The findings of one validation run, in the order they were made. */
final class Findings {
  private final List<Finding> findings = new ArrayList<>();

  void add(Rule rule, String where, String message) {
    findings.add(new Finding(rule, where, message));
  }

  List<Finding> list() {
    return List.copyOf(findings);
  }
}
