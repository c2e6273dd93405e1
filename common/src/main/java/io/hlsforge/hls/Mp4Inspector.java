package io.hlsforge.hls;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what fMP4/CMAF HLS objects contain, without ffprobe: from an init segment the track kind,
 * timescale, picture size and the RFC 6381 codec (avcC → {@code avc1.PPCCLL}, hvcC → {@code
 * hvc1.…}, esds → {@code mp4a.40.N}); from a media segment the decode time (tfdt), every sample's
 * duration and sync flag (trun), and the byte range of each sync sample. Pure.
 */
public final class Mp4Inspector {
  private Mp4Inspector() {}

  /** The one track of an HLS init segment. */
  public record Init(
      boolean video, long timescale, int width, int height, String codec, int sampleRate) {}

  /**
   * A media segment: decode-time span, whether it starts on a sync sample, and its sync samples.
   */
  public record Fragment(
      double startSeconds,
      double durationSeconds,
      int samples,
      boolean startsWithSync,
      List<TsInspector.Keyframe> keyframes) {}

  private record Box(String type, int start, int payload, int end) {}

  public static boolean looksLikeMp4(byte[] b) {
    if (b.length < 8) {
      return false;
    }
    String type = new String(b, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    return List.of("ftyp", "styp", "moov", "moof", "sidx", "mdat", "free").contains(type);
  }

  public static Init init(byte[] b) {
    Box moov = first(b, 0, b.length, "moov");
    Box trak = moov == null ? null : first(b, moov.payload, moov.end, "trak");
    Box mdia = trak == null ? null : first(b, trak.payload, trak.end, "mdia");
    if (mdia == null) {
      throw new IllegalArgumentException("Cannot inspect init segment: no moov/trak/mdia box");
    }
    Box mdhd = first(b, mdia.payload, mdia.end, "mdhd");
    long timescale =
        b[mdhd.payload] == 1 ? u32(b, mdhd.payload + 4 + 16) : u32(b, mdhd.payload + 4 + 8);
    Box hdlr = first(b, mdia.payload, mdia.end, "hdlr");
    String handler =
        new String(b, hdlr.payload + 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    Box minf = first(b, mdia.payload, mdia.end, "minf");
    Box stbl = first(b, minf.payload, minf.end, "stbl");
    Box stsd = first(b, stbl.payload, stbl.end, "stsd");
    int entry = stsd.payload + 8; // version/flags + entry_count
    int entrySize = (int) u32(b, entry);
    String format = new String(b, entry + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    int entryEnd = entry + entrySize;
    if ("vide".equals(handler)) {
      int width = u16(b, entry + 8 + 24);
      int height = u16(b, entry + 8 + 26);
      int children = entry + 8 + 78; // VisualSampleEntry fixed fields
      String codec;
      Box avcC = first(b, children, entryEnd, "avcC");
      Box hvcC = first(b, children, entryEnd, "hvcC");
      if (avcC != null) {
        codec =
            format
                + "."
                + String.format(
                    Locale.ROOT,
                    "%02x%02x%02x",
                    b[avcC.payload + 1] & 0xff,
                    b[avcC.payload + 2] & 0xff,
                    b[avcC.payload + 3] & 0xff);
      } else if (hvcC != null) {
        codec = hevcCodec(format, b, hvcC.payload);
      } else {
        codec = format;
      }
      return new Init(true, timescale, width, height, codec, 0);
    }
    int sampleRate = (int) (u32(b, entry + 8 + 24) >>> 16);
    Box esds = first(b, entry + 8 + 28, entryEnd, "esds");
    String codec = format;
    if (esds != null && "mp4a".equals(format)) {
      int aot = esdsObjectType(b, esds.payload + 4, esds.end);
      codec = aot > 0 ? CodecStrings.mp4a(aot) : "mp4a.40.2";
    }
    return new Init(false, timescale, 0, 0, codec, sampleRate);
  }

  /**
   * RFC 6381 / ISO 14496-15 Annex E: hvc1.[space]profile.compat(reversed hex).[LH]level.constraints
   */
  static String hevcCodec(String format, byte[] b, int p) {
    int space = (b[p + 1] >> 6) & 3;
    boolean highTier = ((b[p + 1] >> 5) & 1) == 1;
    int profile = b[p + 1] & 0x1f;
    long compat = u32(b, p + 2);
    long reversed = Long.reverse(compat) >>> 32;
    int level = b[p + 12] & 0xff;
    StringBuilder s = new StringBuilder(format).append('.');
    if (space > 0) {
      s.append((char) ('A' + space - 1));
    }
    s.append(profile)
        .append('.')
        .append(Long.toHexString(reversed).toUpperCase(Locale.ROOT))
        .append('.')
        .append(highTier ? 'H' : 'L')
        .append(level);
    int last = 5;
    while (last >= 0 && b[p + 6 + last] == 0) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      s.append('.').append(Integer.toHexString(b[p + 6 + i] & 0xff).toUpperCase(Locale.ROOT));
    }
    return s.toString();
  }

  /** Walks the ES descriptor to DecoderSpecificInfo; its first 5 bits are the audio object type. */
  private static int esdsObjectType(byte[] b, int p, int end) {
    while (p < end) {
      int tag = b[p] & 0xff;
      p++;
      int length = 0;
      for (int i = 0; i < 4 && p < end; i++) {
        int c = b[p++] & 0xff;
        length = (length << 7) | (c & 0x7f);
        if ((c & 0x80) == 0) {
          break;
        }
      }
      switch (tag) {
        case 0x03 -> {
          int flags = b[p + 2] & 0xff;
          p += 3 + ((flags & 0x80) != 0 ? 2 : 0) + ((flags & 0x20) != 0 ? 2 : 0);
          if ((flags & 0x40) != 0) {
            p += 1 + (b[p] & 0xff);
          }
        }
        case 0x04 -> p += 13;
        case 0x05 -> {
          return (b[p] >> 3) & 0x1f;
        }
        default -> p += length;
      }
    }
    return -1;
  }

  public static Fragment fragment(byte[] b, long timescale) {
    double start = Double.NaN;
    long totalDuration = 0;
    int samples = 0;
    boolean startsWithSync = false;
    List<TsInspector.Keyframe> keyframes = new ArrayList<>();
    for (Box moof : boxes(b, 0, b.length)) {
      if (!"moof".equals(moof.type)) {
        continue;
      }
      Box traf = first(b, moof.payload, moof.end, "traf");
      Box tfhd = first(b, traf.payload, traf.end, "tfhd");
      int tfFlags = u24(b, tfhd.payload + 1);
      int q = tfhd.payload + 8;
      long baseOffset = moof.start;
      if ((tfFlags & 0x01) != 0) {
        baseOffset = ByteBuffer.wrap(b, q, 8).getLong();
        q += 8;
      }
      if ((tfFlags & 0x02) != 0) {
        q += 4;
      }
      long defaultDuration = 0;
      long defaultSize = 0;
      long defaultFlags = 0;
      if ((tfFlags & 0x08) != 0) {
        defaultDuration = u32(b, q);
        q += 4;
      }
      if ((tfFlags & 0x10) != 0) {
        defaultSize = u32(b, q);
        q += 4;
      }
      if ((tfFlags & 0x20) != 0) {
        defaultFlags = u32(b, q);
      }
      Box tfdt = first(b, traf.payload, traf.end, "tfdt");
      long decodeTime =
          tfdt == null
              ? 0
              : b[tfdt.payload] == 1
                  ? ByteBuffer.wrap(b, tfdt.payload + 4, 8).getLong()
                  : u32(b, tfdt.payload + 4);
      if (Double.isNaN(start)) {
        start = (double) decodeTime / timescale;
      }
      long time = decodeTime;
      for (Box trun : boxes(b, traf.payload, traf.end)) {
        if (!"trun".equals(trun.type)) {
          continue;
        }
        int flags = u24(b, trun.payload + 1);
        int count = (int) u32(b, trun.payload + 4);
        int r = trun.payload + 8;
        long dataOffset = 0;
        if ((flags & 0x01) != 0) {
          dataOffset = (int) u32(b, r);
          r += 4;
        }
        long firstFlags = -1;
        if ((flags & 0x04) != 0) {
          firstFlags = u32(b, r);
          r += 4;
        }
        long position = baseOffset + dataOffset;
        for (int i = 0; i < count; i++) {
          long duration = defaultDuration;
          long size = defaultSize;
          long sampleFlags = i == 0 && firstFlags >= 0 ? firstFlags : defaultFlags;
          if ((flags & 0x100) != 0) {
            duration = u32(b, r);
            r += 4;
          }
          if ((flags & 0x200) != 0) {
            size = u32(b, r);
            r += 4;
          }
          if ((flags & 0x400) != 0) {
            long f = u32(b, r);
            r += 4;
            if (!(i == 0 && firstFlags >= 0)) {
              sampleFlags = f;
            }
          }
          if ((flags & 0x800) != 0) {
            r += 4;
          }
          boolean sync = (sampleFlags & 0x00010000L) == 0;
          if (samples == 0) {
            startsWithSync = sync;
          }
          if (sync) {
            // An I-frame range must carry the moof that describes the sample, up to the sample's
            // end.
            keyframes.add(
                new TsInspector.Keyframe(
                    moof.start, position + size - moof.start, (double) time / timescale));
          }
          position += size;
          time += duration;
          totalDuration += duration;
          samples++;
        }
      }
    }
    if (Double.isNaN(start)) {
      throw new IllegalArgumentException("Cannot inspect fMP4 segment: no moof box");
    }
    return new Fragment(
        start, (double) totalDuration / timescale, samples, startsWithSync, keyframes);
  }

  private static List<Box> boxes(byte[] b, int from, int to) {
    List<Box> out = new ArrayList<>();
    int p = from;
    while (p + 8 <= to) {
      long size = u32(b, p);
      String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = ByteBuffer.wrap(b, p + 8, 8).getLong();
        header = 16;
      } else if (size == 0) {
        size = to - p;
      }
      if (size < header || p + size > to) {
        break;
      }
      out.add(new Box(type, p, p + header, (int) (p + size)));
      p += (int) size;
    }
    return out;
  }

  private static Box first(byte[] b, int from, int to, String type) {
    for (Box box : boxes(b, from, to)) {
      if (box.type.equals(type)) {
        return box;
      }
    }
    return null;
  }

  private static long u32(byte[] b, int p) {
    return ((long) (b[p] & 0xff) << 24)
        | ((b[p + 1] & 0xff) << 16)
        | ((b[p + 2] & 0xff) << 8)
        | (b[p + 3] & 0xff);
  }

  private static int u24(byte[] b, int p) {
    return ((b[p] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] & 0xff);
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }
}
