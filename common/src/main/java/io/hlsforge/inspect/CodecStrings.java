package io.hlsforge.inspect;

import java.util.Locale;

/** RFC 6381 codec strings as HLS CODECS wants them, built from what is really in the stream. */
public final class CodecStrings {
  private CodecStrings() {}

  /** {@code avc1.PPCCLL} from the SPS bytes profile_idc, constraint flags, level_idc. */
  public static String avc1(int profileIdc, int constraintFlags, int levelIdc) {
    return String.format(
        Locale.ROOT,
        "avc1.%02x%02x%02x",
        profileIdc & 0xff,
        constraintFlags & 0xff,
        levelIdc & 0xff);
  }

  /**
   * {@code mp4a.40.N} with N the MPEG-4 audio object type (2 = AAC-LC, 5 = HE-AAC, 29 = HE-AACv2).
   */
  public static String mp4a(int audioObjectType) {
    return "mp4a.40." + audioObjectType;
  }
}
