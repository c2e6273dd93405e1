package io.hlsforge.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what an MPEG-TS segment really contains, without ffprobe: the program map, every video
 * access unit (PTS, byte range, IDR or not), the SPS profile/level, the audio object type and
 * sample rate, and each stream's time span. Pure: bytes in, facts out. The packet, PSI, PES, NAL,
 * ADTS and MPEG-audio layers each live in their own class; this one only strings them together.
 */
public final class TsSegmentReader {
  /** Bytes in one transport stream packet. */
  public static final int PACKET_SIZE = TsPacket.SIZE;

  private TsSegmentReader() {}

  /** True when the bytes start like a transport stream (a sync byte at offset 0). */
  public static boolean looksLikeTs(byte[] bytes) {
    return bytes.length >= TsPacket.SIZE && (bytes[0] & 0xff) == TsPacket.SYNC;
  }

  /** The neutral facts of a segment. */
  public static SegmentFacts facts(byte[] ts) {
    return read(ts).facts();
  }

  /**
   * @throws MalformedMediaException when the bytes are not MPEG-TS or a packet, table or PES header
   *     in them is malformed
   */
  public static TsSegment read(byte[] ts) {
    if (!looksLikeTs(ts)) {
      throw new MalformedMediaException(
          "Cannot inspect segment: not MPEG-TS (no sync byte at offset 0)");
    }
    int pmtPid = ProgramMap.NONE;
    ProgramMap map = null;
    List<PesPacket> video = new ArrayList<>();
    List<PesPacket> audio = new ArrayList<>();
    for (int off = 0; off < ts.length; off += TsPacket.SIZE) {
      TsPacket packet = TsPacket.at(ts, off);
      if (!packet.hasPayload()) {
        continue;
      }
      int pid = packet.pid();
      if (pid == TsPacket.PAT_PID && packet.unitStart() && pmtPid == ProgramMap.NONE) {
        pmtPid = ProgramTables.programMapPid(ts, packet);
      } else if (pid == pmtPid && packet.unitStart() && (map == null || map.isEmpty())) {
        map = ProgramTables.programMap(ts, packet);
      } else if (map != null && (pid == map.videoPid() || pid == map.audioPid())) {
        List<PesPacket> stream = pid == map.videoPid() ? video : audio;
        if (packet.unitStart()) {
          stream.add(PesPacket.start(ts, packet));
        } else if (!stream.isEmpty()) {
          stream.get(stream.size() - 1).append(ts, packet);
        }
      }
    }
    ProgramMap.AudioCoding coding = map == null ? ProgramMap.AudioCoding.NONE : map.audioCoding();
    return summarize(ts.length, video, audio, coding);
  }

  private static TsSegment summarize(
      long fileLength,
      List<PesPacket> video,
      List<PesPacket> audio,
      ProgramMap.AudioCoding coding) {
    SpsHeader sps = null;
    VideoSignal signal = null;
    SegmentFacts.VideoFacts videoFacts = null;
    List<Keyframe> keyframes = new ArrayList<>();
    if (!video.isEmpty()) {
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      boolean startsWithIdr = false;
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < video.size(); i++) {
        PesPacket p = video.get(i);
        min = Math.min(min, p.pts());
        max = Math.max(max, p.pts());
        times.add(p.pts());
        byte[] es = p.elementaryStream();
        boolean idr = H264Nal.firstSliceIsIdr(es);
        if (i == 0) {
          startsWithIdr = idr;
        }
        if (sps == null) {
          sps = H264Nal.sps(es);
          signal = sps == null ? null : H264Nal.signal(es);
        }
        if (idr) {
          long next = i + 1 < video.size() ? video.get(i + 1).offset() : fileLength;
          keyframes.add(new Keyframe(p.offset(), next - p.offset(), p.pts()));
        }
      }
      videoFacts =
          new SegmentFacts.VideoFacts(
              min,
              max + frameDuration(times),
              video.size(),
              startsWithIdr,
              sps == null ? null : sps.codec(),
              signal);
    }
    int objectType = -1;
    SegmentFacts.AudioFacts audioFacts = null;
    if (!audio.isEmpty()) {
      byte[] first = audio.get(0).elementaryStream();
      double start = audio.stream().mapToDouble(PesPacket::pts).min().orElse(Double.NaN);
      PesPacket last = audio.stream().max((a, b) -> Double.compare(a.pts(), b.pts())).orElseThrow();
      int rate;
      double end;
      if (coding == ProgramMap.AudioCoding.MPEG_AUDIO) {
        objectType = MpegAudioFrames.OBJECT_TYPE;
        rate = MpegAudioFrames.scan(first).sampleRate();
        end = last.pts() + MpegAudioFrames.scan(last.elementaryStream()).seconds();
      } else {
        AdtsHeader header = AdtsHeader.first(first);
        objectType = header == null ? -1 : header.objectType();
        rate = header == null ? 0 : header.sampleRate();
        end =
            last.pts()
                + (rate > 0
                    ? AdtsHeader.frames(last.elementaryStream())
                        * (double) AdtsHeader.SAMPLES_PER_FRAME
                        / rate
                    : 0);
      }
      audioFacts =
          new SegmentFacts.AudioFacts(
              start, end, rate, objectType > 0 ? CodecStrings.mp4a(objectType) : null);
    }
    return new TsSegment(new SegmentFacts(videoFacts, audioFacts, keyframes), sps, objectType);
  }

  /** The most common gap between consecutive presentation times: one frame. */
  private static double frameDuration(List<Double> pts) {
    if (pts.size() < 2) {
      return 0;
    }
    // Primitive arrays: every segment of every title passes here when publishing strictly.
    double[] s = new double[pts.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = pts.get(i);
    }
    Arrays.sort(s);
    double[] gaps = new double[s.length - 1];
    for (int i = 1; i < s.length; i++) {
      gaps[i - 1] = s[i] - s[i - 1];
    }
    Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }
}
