package io.hlsforge.validate;

/**
 * A set of related conformance rules. Each reads the fetched and inspected presentation and reports
 * what it finds; none does I/O, so a new rule is a new small class registered in {@link
 * HlsValidator}.
 */
interface RuleGroup {
  void check(PresentationView view, Findings out);
}
