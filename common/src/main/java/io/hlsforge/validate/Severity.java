package io.hlsforge.validate;

/** ERROR: a MUST of RFC 8216 or Apple's authoring spec is broken. WARNING: a SHOULD. */
public enum Severity {
  ERROR,
  WARNING
}
