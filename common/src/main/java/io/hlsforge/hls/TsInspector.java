package io.hlsforge.hls;

import java.io.ByteArrayOutputStream;

/**
 * Reads what a published MPEG-TS segment really contains, without ffprobe: the program map, the
 * first video access unit (is it an IDR? which SPS profile/level?), the first AAC frame's object
 * type, and the first PTS of each stream. Pure: bytes in, facts out.
 */
public final class TsInspector {
  private static final int PACKET = 188;
  private static final int STREAM_TYPE_H264 = 0x1B;
  private static final int STREAM_TYPE_AAC_ADTS = 0x0F;

  private TsInspector() {}

  /**
   * Facts about one segment. PTS values are in seconds (90 kHz clock), NaN when the stream is
   * absent; profile/level/object type are -1 when absent.
   */
  public record Inspection(
      double videoStartPts,
      double audioStartPts,
      boolean startsWithIdr,
      int avcProfileIdc,
      int avcConstraintFlags,
      int avcLevelIdc,
      int aacObjectType) {

    public boolean hasVideo() {
      return !Double.isNaN(videoStartPts);
    }

    public boolean hasAudio() {
      return !Double.isNaN(audioStartPts);
    }

    /** Earliest presentation time of any stream in the segment. */
    public double startPts() {
      if (hasVideo() && hasAudio()) {
        return Math.min(videoStartPts, audioStartPts);
      }
      return hasVideo() ? videoStartPts : audioStartPts;
    }

    /** The CODECS attribute value this segment's streams call for. */
    public String codecs() {
      StringBuilder c = new StringBuilder();
      if (avcProfileIdc >= 0) {
        c.append(CodecStrings.avc1(avcProfileIdc, avcConstraintFlags, avcLevelIdc));
      }
      if (aacObjectType > 0) {
        if (c.length() > 0) {
          c.append(',');
        }
        c.append(CodecStrings.mp4a(aacObjectType));
      }
      return c.toString();
    }
  }

  public static Inspection inspect(byte[] ts) {
    if (ts.length < PACKET || ts[0] != 0x47) {
      throw new IllegalArgumentException("Cannot inspect segment: not MPEG-TS (no sync byte at offset 0)");
    }
    int pmtPid = -1;
    int videoPid = -1;
    int audioPid = -1;
    PesCollector video = null;
    PesCollector audio = null;
    for (int off = 0; off + PACKET <= ts.length; off += PACKET) {
      if (ts[off] != 0x47) {
        throw new IllegalArgumentException("Cannot inspect segment: lost TS sync at byte " + off);
      }
      int pid = ((ts[off + 1] & 0x1f) << 8) | (ts[off + 2] & 0xff);
      boolean unitStart = (ts[off + 1] & 0x40) != 0;
      int afc = (ts[off + 3] >> 4) & 3;
      int payload = off + 4;
      if (afc == 2) {
        continue;
      }
      if (afc == 3) {
        payload += 1 + (ts[off + 4] & 0xff);
      }
      if (payload >= off + PACKET) {
        continue;
      }
      if (pid == 0 && unitStart && pmtPid < 0) {
        pmtPid = parsePat(ts, payload, off + PACKET);
      } else if (pid == pmtPid && unitStart && videoPid < 0 && audioPid < 0) {
        int[] pids = parsePmt(ts, payload, off + PACKET);
        videoPid = pids[0];
        audioPid = pids[1];
        video = videoPid >= 0 ? new PesCollector() : null;
        audio = audioPid >= 0 ? new PesCollector() : null;
      } else if (pid == videoPid && video != null) {
        video.accept(ts, payload, off + PACKET, unitStart);
      } else if (pid == audioPid && audio != null) {
        audio.accept(ts, payload, off + PACKET, unitStart);
      }
      if ((video == null || video.complete) && (audio == null || audio.complete) && (video != null || audio != null)) {
        break;
      }
    }
    double videoPts = Double.NaN;
    boolean idr = false;
    int[] sps = {-1, -1, -1};
    if (video != null && video.started) {
      videoPts = video.pts;
      byte[] es = video.payload.toByteArray();
      idr = firstSliceIsIdr(es);
      sps = spsHeader(es);
    }
    double audioPts = Double.NaN;
    int aot = -1;
    if (audio != null && audio.started) {
      audioPts = audio.pts;
      aot = adtsObjectType(audio.payload.toByteArray());
    }
    return new Inspection(videoPts, audioPts, idr, sps[0], sps[1], sps[2], aot);
  }

  private static int parsePat(byte[] b, int p, int end) {
    p += 1 + (b[p] & 0xff); // pointer_field
    int sectionLength = ((b[p + 1] & 0x0f) << 8) | (b[p + 2] & 0xff);
    int entries = p + 8;
    int last = Math.min(end, p + 3 + sectionLength - 4);
    for (int e = entries; e + 4 <= last; e += 4) {
      int program = ((b[e] & 0xff) << 8) | (b[e + 1] & 0xff);
      if (program != 0) {
        return ((b[e + 2] & 0x1f) << 8) | (b[e + 3] & 0xff);
      }
    }
    return -1;
  }

  /** Returns {video PID, audio PID}, -1 where absent. */
  private static int[] parsePmt(byte[] b, int p, int end) {
    p += 1 + (b[p] & 0xff);
    int sectionLength = ((b[p + 1] & 0x0f) << 8) | (b[p + 2] & 0xff);
    int programInfoLength = ((b[p + 10] & 0x0f) << 8) | (b[p + 11] & 0xff);
    int e = p + 12 + programInfoLength;
    int last = Math.min(end, p + 3 + sectionLength - 4);
    int video = -1;
    int audio = -1;
    while (e + 5 <= last) {
      int type = b[e] & 0xff;
      int pid = ((b[e + 1] & 0x1f) << 8) | (b[e + 2] & 0xff);
      int infoLength = ((b[e + 3] & 0x0f) << 8) | (b[e + 4] & 0xff);
      if (type == STREAM_TYPE_H264 && video < 0) {
        video = pid;
      } else if (type == STREAM_TYPE_AAC_ADTS && audio < 0) {
        audio = pid;
      }
      e += 5 + infoLength;
    }
    return new int[] {video, audio};
  }

  /** Collects the elementary-stream bytes of the first PES packet of one PID. */
  private static final class PesCollector {
    final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    boolean started;
    boolean complete;
    double pts = Double.NaN;

    void accept(byte[] b, int p, int end, boolean unitStart) {
      if (complete) {
        return;
      }
      if (unitStart) {
        if (started) {
          complete = true;
          return;
        }
        if (b[p] != 0 || b[p + 1] != 0 || b[p + 2] != 1) {
          return;
        }
        int flags = b[p + 7] & 0xff;
        int headerLength = b[p + 8] & 0xff;
        if ((flags & 0x80) != 0) {
          long v = ((long) (b[p + 9] & 0x0e) << 29) | ((long) (b[p + 10] & 0xff) << 22) | ((long) (b[p + 11] & 0xfe) << 14)
              | ((long) (b[p + 12] & 0xff) << 7) | ((b[p + 13] & 0xfe) >> 1);
          pts = v / 90000.0;
        }
        started = true;
        p += 9 + headerLength;
      } else if (!started) {
        return;
      }
      if (p < end) {
        payload.write(b, p, end - p);
      }
    }
  }

  /** Walks Annex-B NAL units; true when the first coded slice is an IDR (nal_unit_type 5). */
  static boolean firstSliceIsIdr(byte[] es) {
    for (int i = nextNal(es, 0); i >= 0 && i < es.length; i = nextNal(es, i)) {
      int type = es[i] & 0x1f;
      if (type == 5) {
        return true;
      }
      if (type == 1) {
        return false;
      }
    }
    return false;
  }

  /** {profile_idc, constraint flags, level_idc} of the first SPS, or -1s. */
  static int[] spsHeader(byte[] es) {
    for (int i = nextNal(es, 0); i >= 0 && i < es.length; i = nextNal(es, i)) {
      if ((es[i] & 0x1f) == 7 && i + 3 < es.length) {
        return new int[] {es[i + 1] & 0xff, es[i + 2] & 0xff, es[i + 3] & 0xff};
      }
    }
    return new int[] {-1, -1, -1};
  }

  /** Index of the NAL header byte after the next 00 00 01 start code at or after {@code from}. */
  private static int nextNal(byte[] es, int from) {
    for (int i = from; i + 3 < es.length; i++) {
      if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
        return i + 3;
      }
    }
    return -1;
  }

  /** MPEG-4 audio object type from the first ADTS header (profile + 1), or -1. */
  static int adtsObjectType(byte[] es) {
    for (int i = 0; i + 3 < es.length; i++) {
      if ((es[i] & 0xff) == 0xff && (es[i + 1] & 0xf6) == 0xf0) {
        return ((es[i + 2] >> 6) & 0x3) + 1;
      }
    }
    return -1;
  }
}
