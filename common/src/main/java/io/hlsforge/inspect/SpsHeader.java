package io.hlsforge.inspect;

/**
 * The first three bytes of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1), which are what
 * the RFC 6381 {@code avc1.PPCCLL} codec string carries.
 */
public record SpsHeader(int profileIdc, int constraintFlags, int levelIdc) {
  /** {@code avc1.PPCCLL}. */
  public String codec() {
    return CodecStrings.avc1(profileIdc, constraintFlags, levelIdc);
  }
}
