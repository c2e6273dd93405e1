package io.hlsforge.hls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what an MPEG-TS segment really contains, without ffprobe: the program map, every video
 * access unit (PTS, byte range, IDR or not), the SPS profile/level, the AAC object type and sample
 * rate, and each stream's time span. Pure: bytes in, facts out. Used to measure segments when they
 * are made (manifest rows, CODECS, I-frame byte ranges) and to validate any TS package.
 */
public final class TsInspector {
  public static final int PACKET = 188;
  private static final int STREAM_TYPE_H264 = 0x1B;
  private static final int STREAM_TYPE_AAC_ADTS = 0x0F;
  private static final int STREAM_TYPE_MPEG1_AUDIO = 0x03;
  private static final int STREAM_TYPE_MPEG2_AUDIO = 0x04;

  /** MPEG-4 audio object type 34: MPEG-1/2 Layer III, so MP3 reads as {@code mp4a.40.34}. */
  public static final int MP3_OBJECT_TYPE = 34;

  private static final int[] MP3_KBPS_V1 = {
    0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320
  };
  private static final int[] MP3_KBPS_V2 = {
    0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160
  };
  private static final int[] ADTS_RATES = {
    96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
  };

  private TsInspector() {}

  /**
   * One video access unit that starts with an IDR: where its TS packets are and when it is shown.
   */
  public record Keyframe(long offset, long length, double pts) {}

  /**
   * Facts about one segment. Times are seconds on the 90 kHz clock, NaN when the stream is absent;
   * {@code *EndPts} is exclusive (last frame's PTS + its duration). Profile/level/object type are
   * -1 when absent.
   */
  public record Inspection(
      double videoStartPts,
      double videoEndPts,
      double audioStartPts,
      double audioEndPts,
      boolean startsWithIdr,
      int avcProfileIdc,
      int avcConstraintFlags,
      int avcLevelIdc,
      int aacObjectType,
      int audioSampleRate,
      int videoFrames,
      List<Keyframe> keyframes) {

    public Inspection {
      keyframes = List.copyOf(keyframes);
    }

    /** Compact constructor for tests and callers that only need codec facts. */
    public Inspection(
        double videoStartPts,
        double audioStartPts,
        boolean startsWithIdr,
        int profile,
        int constraints,
        int level,
        int aot) {
      this(
          videoStartPts,
          Double.NaN,
          audioStartPts,
          Double.NaN,
          startsWithIdr,
          profile,
          constraints,
          level,
          aot,
          0,
          0,
          List.of());
    }

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

    /**
     * The media time the segment covers: video when present (it defines boundaries), else audio.
     */
    public double duration() {
      return hasVideo() ? videoEndPts - videoStartPts : audioEndPts - audioStartPts;
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

  /** A PES packet being reassembled: where its first TS packet is, its PTS, its bytes. */
  private static final class Pes {
    final long offset;
    final double pts;
    final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    Pes(long offset, double pts) {
      this.offset = offset;
      this.pts = pts;
    }
  }

  public static Inspection inspect(byte[] ts) {
    if (ts.length < PACKET || ts[0] != 0x47) {
      throw new IllegalArgumentException(
          "Cannot inspect segment: not MPEG-TS (no sync byte at offset 0)");
    }
    int pmtPid = -1;
    int videoPid = -1;
    int audioPid = -1;
    boolean mp3 = false;
    List<Pes> video = new ArrayList<>();
    List<Pes> audio = new ArrayList<>();
    for (int off = 0; off + PACKET <= ts.length; off += PACKET) {
      if (ts[off] != 0x47) {
        throw new IllegalArgumentException("Cannot inspect segment: lost TS sync at byte " + off);
      }
      int pid = ((ts[off + 1] & 0x1f) << 8) | (ts[off + 2] & 0xff);
      boolean unitStart = (ts[off + 1] & 0x40) != 0;
      int afc = (ts[off + 3] >> 4) & 3;
      int payload = off + 4;
      if (afc == 2 || afc == 0) {
        continue;
      }
      if (afc == 3) {
        payload += 1 + (ts[off + 4] & 0xff);
      }
      int end = off + PACKET;
      if (payload >= end) {
        continue;
      }
      if (pid == 0 && unitStart && pmtPid < 0) {
        pmtPid = parsePat(ts, payload, end);
      } else if (pid == pmtPid && unitStart && videoPid < 0 && audioPid < 0) {
        int[] pids = parsePmt(ts, payload, end);
        videoPid = pids[0];
        audioPid = pids[1];
        mp3 = pids[2] == 1;
      } else if (pid == videoPid || pid == audioPid) {
        List<Pes> list = pid == videoPid ? video : audio;
        if (unitStart) {
          Pes started = startPes(ts, payload, end, off);
          if (started != null) {
            list.add(started);
          }
        } else if (!list.isEmpty()) {
          list.get(list.size() - 1).payload.write(ts, payload, end - payload);
        }
      }
    }
    return summarize(ts.length, video, audio, mp3);
  }

  private static Inspection summarize(
      long fileLength, List<Pes> video, List<Pes> audio, boolean mp3) {
    double vStart = Double.NaN;
    double vEnd = Double.NaN;
    boolean idr = false;
    int[] sps = {-1, -1, -1};
    List<Keyframe> keyframes = new ArrayList<>();
    if (!video.isEmpty()) {
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      List<Double> sorted = new ArrayList<>();
      for (int i = 0; i < video.size(); i++) {
        Pes p = video.get(i);
        min = Math.min(min, p.pts);
        max = Math.max(max, p.pts);
        sorted.add(p.pts);
        byte[] es = p.payload.toByteArray();
        boolean isIdr = firstSliceIsIdr(es);
        if (i == 0) {
          idr = isIdr;
        }
        if (sps[0] < 0) {
          sps = spsHeader(es);
        }
        if (isIdr) {
          long next = i + 1 < video.size() ? video.get(i + 1).offset : fileLength;
          keyframes.add(new Keyframe(p.offset, next - p.offset, p.pts));
        }
      }
      vStart = min;
      vEnd = max + frameDuration(sorted);
    }
    double aStart = Double.NaN;
    double aEnd = Double.NaN;
    int aot = -1;
    int rate = 0;
    if (!audio.isEmpty()) {
      byte[] first = audio.get(0).payload.toByteArray();
      aStart = audio.stream().mapToDouble(p -> p.pts).min().orElse(Double.NaN);
      Pes last = audio.stream().max((a, b) -> Double.compare(a.pts, b.pts)).orElseThrow();
      if (mp3) {
        int[] info = mp3Frames(last.payload.toByteArray());
        aot = MP3_OBJECT_TYPE;
        rate = mp3Frames(first)[2];
        aEnd = last.pts + (info[2] > 0 ? (double) info[0] * info[1] / info[2] : 0);
      } else {
        aot = adtsObjectType(first);
        rate = adtsSampleRate(first);
        aEnd = last.pts + (rate > 0 ? adtsFrames(last.payload.toByteArray()) * 1024.0 / rate : 0);
      }
    }
    return new Inspection(
        vStart,
        vEnd,
        aStart,
        aEnd,
        idr,
        sps[0],
        sps[1],
        sps[2],
        aot,
        rate,
        video.size(),
        keyframes);
  }

  /** The most common gap between consecutive presentation times: one frame. */
  private static double frameDuration(List<Double> pts) {
    if (pts.size() < 2) {
      return 0;
    }
    List<Double> s = new ArrayList<>(pts);
    s.sort(Double::compare);
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < s.size(); i++) {
      gaps.add(s.get(i) - s.get(i - 1));
    }
    gaps.sort(Double::compare);
    return gaps.get(gaps.size() / 2);
  }

  private static Pes startPes(byte[] b, int p, int end, long packetOffset) {
    if (p + 9 > end || b[p] != 0 || b[p + 1] != 0 || b[p + 2] != 1) {
      return null;
    }
    int flags = b[p + 7] & 0xff;
    int headerLength = b[p + 8] & 0xff;
    double pts = Double.NaN;
    if ((flags & 0x80) != 0 && p + 14 <= end) {
      long v =
          ((long) (b[p + 9] & 0x0e) << 29)
              | ((long) (b[p + 10] & 0xff) << 22)
              | ((long) (b[p + 11] & 0xfe) << 14)
              | ((long) (b[p + 12] & 0xff) << 7)
              | ((b[p + 13] & 0xfe) >> 1);
      pts = v / 90000.0;
    }
    Pes pes = new Pes(packetOffset, pts);
    int data = p + 9 + headerLength;
    if (data < end) {
      pes.payload.write(b, data, end - data);
    }
    return pes;
  }

  private static int parsePat(byte[] b, int p, int end) {
    p += 1 + (b[p] & 0xff); // pointer_field
    int sectionLength = ((b[p + 1] & 0x0f) << 8) | (b[p + 2] & 0xff);
    int last = Math.min(end, p + 3 + sectionLength - 4);
    for (int e = p + 8; e + 4 <= last; e += 4) {
      int program = ((b[e] & 0xff) << 8) | (b[e + 1] & 0xff);
      if (program != 0) {
        return ((b[e + 2] & 0x1f) << 8) | (b[e + 3] & 0xff);
      }
    }
    return -1;
  }

  /** Returns {video PID, audio PID, 1 if the audio is MPEG audio (MP3)}, -1 where absent. */
  private static int[] parsePmt(byte[] b, int p, int end) {
    p += 1 + (b[p] & 0xff);
    int sectionLength = ((b[p + 1] & 0x0f) << 8) | (b[p + 2] & 0xff);
    int programInfoLength = ((b[p + 10] & 0x0f) << 8) | (b[p + 11] & 0xff);
    int e = p + 12 + programInfoLength;
    int last = Math.min(end, p + 3 + sectionLength - 4);
    int video = -1;
    int audio = -1;
    int mpegAudio = 0;
    while (e + 5 <= last) {
      int type = b[e] & 0xff;
      int pid = ((b[e + 1] & 0x1f) << 8) | (b[e + 2] & 0xff);
      int infoLength = ((b[e + 3] & 0x0f) << 8) | (b[e + 4] & 0xff);
      if (type == STREAM_TYPE_H264 && video < 0) {
        video = pid;
      } else if (type == STREAM_TYPE_AAC_ADTS && audio < 0) {
        audio = pid;
      } else if ((type == STREAM_TYPE_MPEG1_AUDIO || type == STREAM_TYPE_MPEG2_AUDIO)
          && audio < 0) {
        audio = pid;
        mpegAudio = 1;
      }
      e += 5 + infoLength;
    }
    return new int[] {video, audio, mpegAudio};
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

  private static int adtsStart(byte[] es, int from) {
    for (int i = from; i + 6 < es.length; i++) {
      if ((es[i] & 0xff) == 0xff && (es[i + 1] & 0xf6) == 0xf0) {
        return i;
      }
    }
    return -1;
  }

  /** MPEG-4 audio object type from the first ADTS header (profile + 1), or -1. */
  static int adtsObjectType(byte[] es) {
    int i = adtsStart(es, 0);
    return i < 0 ? -1 : ((es[i + 2] >> 6) & 0x3) + 1;
  }

  static int adtsSampleRate(byte[] es) {
    int i = adtsStart(es, 0);
    if (i < 0) {
      return 0;
    }
    int index = (es[i + 2] >> 2) & 0xf;
    return index < ADTS_RATES.length ? ADTS_RATES[index] : 0;
  }

  /**
   * {frames, samples per frame, sample rate} of the MPEG audio (Layer III) frames in a PES payload.
   */
  static int[] mp3Frames(byte[] es) {
    int frames = 0;
    int samples = 1152;
    int rate = 0;
    int i = 0;
    while (i + 4 <= es.length) {
      if ((es[i] & 0xff) != 0xff || (es[i + 1] & 0xe0) != 0xe0) {
        i++;
        continue;
      }
      int version = (es[i + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
      int bitrateIndex = (es[i + 2] >> 4) & 0xf;
      int rateIndex = (es[i + 2] >> 2) & 3;
      int padding = (es[i + 2] >> 1) & 1;
      if (version == 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
        i++;
        continue;
      }
      int base = new int[] {44100, 48000, 32000}[rateIndex];
      rate = version == 3 ? base : version == 2 ? base / 2 : base / 4;
      int kbps = version == 3 ? MP3_KBPS_V1[bitrateIndex] : MP3_KBPS_V2[bitrateIndex];
      samples = version == 3 ? 1152 : 576;
      int length = (samples / 8) * kbps * 1000 / rate + padding;
      if (length <= 4) {
        break;
      }
      frames++;
      i += length;
    }
    return new int[] {frames, samples, rate};
  }

  /** Number of whole ADTS frames (1024 samples each) in a PES payload. */
  static int adtsFrames(byte[] es) {
    int frames = 0;
    int i = adtsStart(es, 0);
    while (i >= 0 && i + 6 < es.length) {
      int length =
          ((es[i + 3] & 0x03) << 11) | ((es[i + 4] & 0xff) << 3) | ((es[i + 5] & 0xe0) >> 5);
      if (length < 7 || i + length > es.length) {
        break;
      }
      frames++;
      i += length;
    }
    return frames;
  }
}
