package io.hlsforge.media;

import io.hlsforge.model.VideoRange;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a source's video samples are to be read, as ffprobe names it: pixel format ({@code yuv420p},
 * {@code yuv420p10le}, {@code yuv422p10le}, …) and the colour description (primaries {@code
 * bt709}/{@code bt2020}, transfer {@code bt709}/{@code smpte2084}/{@code arib-std-b67}, matrix
 * {@code bt709}/{@code bt2020nc}, range {@code tv}/{@code pc}); null where the source does not say.
 * {@code hdr}: a PQ source's mastering display and light level ({@link HdrMetadata#NONE} else).
 */
public record VideoColour(
    String pixelFormat,
    String primaries,
    String transfer,
    String matrix,
    String range,
    HdrMetadata hdr)
    implements Serializable {
  public static final VideoColour UNKNOWN = new VideoColour(null, null, null, null, null);

  public VideoColour {
    hdr = hdr == null ? HdrMetadata.NONE : hdr;
  }

  /** A colour description without HDR10 static metadata. */
  public VideoColour(
      String pixelFormat, String primaries, String transfer, String matrix, String range) {
    this(pixelFormat, primaries, transfer, matrix, range, HdrMetadata.NONE);
  }

  /** This description with the mastering metadata of the source's first frame. */
  public VideoColour with(HdrMetadata metadata) {
    return new VideoColour(pixelFormat, primaries, transfer, matrix, range, metadata);
  }

  private static final Pattern DEPTH = Pattern.compile("p(9|10|12|14|16)(le|be)?$");

  /** SDR unless the transfer is PQ or HLG. */
  public VideoRange videoRange() {
    return VideoRange.ofTransfer(transfer);
  }

  /**
   * Whether an SDR BT.709 rendition needs the picture converted: PQ or HLG transfer, or BT.2020
   * primaries.
   */
  public boolean needsSdrConversion() {
    return videoRange().isHdr() || "bt2020".equals(primaries);
  }

  /** 8-bit 4:2:0, what every HLS player decodes (true when the source does not say). */
  public boolean isEightBit420() {
    return pixelFormat == null || pixelFormat.matches("yuvj?420p|nv12");
  }

  /** Bits per sample: 8 unless the pixel format names more ({@code yuv420p10le} is 10). */
  public int bitDepth() {
    if (pixelFormat == null) {
      return 8;
    }
    Matcher m = DEPTH.matcher(pixelFormat);
    return m.find() ? Integer.parseInt(m.group(1)) : 8;
  }
}
