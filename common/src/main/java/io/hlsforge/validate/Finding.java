package io.hlsforge.validate;

/** One broken rule: which, where (playlist or segment URI) and a plain explanation. */
public record Finding(Rule rule, String where, String message) {
  public Severity severity() {
    return rule.severity();
  }

  @Override
  public String toString() {
    return severity() + " [" + rule + "] " + message + " (" + where + ")";
  }
}
