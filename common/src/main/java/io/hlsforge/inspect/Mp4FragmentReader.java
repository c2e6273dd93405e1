package io.hlsforge.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an fMP4 media segment (ISO/IEC 14496-12 §8.8): the decode time of each fragment (tfdt),
 * every sample's duration, size and sync flag (tfhd defaults, trun), and the byte range of each
 * sync sample. Pure and bounds-checked.
 */
public final class Mp4FragmentReader {
  private static final int TFHD_BASE_DATA_OFFSET = 0x01;
  private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x02;
  private static final int TFHD_DEFAULT_DURATION = 0x08;
  private static final int TFHD_DEFAULT_SIZE = 0x10;
  private static final int TFHD_DEFAULT_FLAGS = 0x20;
  private static final int TRUN_DATA_OFFSET = 0x01;
  private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x04;
  private static final int TRUN_DURATION = 0x100;
  private static final int TRUN_SIZE = 0x200;
  private static final int TRUN_FLAGS = 0x400;
  private static final int TRUN_COMPOSITION_OFFSET = 0x800;

  /** sample_is_non_sync_sample in the sample flags (§8.8.3.1). */
  private static final long NON_SYNC = 0x00010000L;

  private Mp4FragmentReader() {}

  /**
   * The neutral facts of a media segment of {@code track}: a video track's sync samples are its
   * keyframes; every audio sample is a sync sample, so an audio segment lists none.
   */
  public static SegmentFacts facts(byte[] segment, Mp4Track track) {
    Mp4Fragment f = read(segment, track.timescale());
    double end = f.startSeconds() + f.durationSeconds();
    if (track.isVideo()) {
      return new SegmentFacts(
          new SegmentFacts.VideoFacts(
              f.startSeconds(),
              end,
              f.samples(),
              f.startsWithSync(),
              track.codec(),
              track.signal()),
          null,
          f.syncSamples());
    }
    return new SegmentFacts(
        null,
        new SegmentFacts.AudioFacts(f.startSeconds(), end, track.sampleRate(), track.codec()),
        List.of());
  }

  /**
   * @throws MalformedMediaException when there is no moof, or a box or sample table is malformed
   */
  public static Mp4Fragment read(byte[] b, long timescale) {
    if (timescale <= 0) {
      throw new IllegalArgumentException("Cannot inspect fMP4 segment: timescale " + timescale);
    }
    double start = Double.NaN;
    long totalDuration = 0;
    int samples = 0;
    boolean startsWithSync = false;
    List<Keyframe> syncSamples = new ArrayList<>();
    for (Mp4Box moof : Mp4Boxes.topLevel(b)) {
      if (!"moof".equals(moof.type())) {
        continue;
      }
      String at = "moof at byte " + moof.start();
      Mp4Box traf = Mp4Boxes.require(Mp4Boxes.children(b, moof), "traf", at);
      List<Mp4Box> inTraf = Mp4Boxes.children(b, traf);
      Defaults d = defaults(b, Mp4Boxes.require(inTraf, "tfhd", at + "/traf"), moof);
      long decodeTime = decodeTime(b, Mp4Boxes.first(inTraf, "tfdt"));
      if (Double.isNaN(start)) {
        start = (double) decodeTime / timescale;
      }
      long time = decodeTime;
      for (Mp4Box trun : inTraf) {
        if (!"trun".equals(trun.type())) {
          continue;
        }
        ByteWindow w = trun.content(b);
        int flags = w.u24(trun.payload() + 1, "trun flags");
        long count = w.u32(trun.afterVersionAndFlags(), "sample_count");
        int r = trun.afterVersionAndFlags() + 4;
        long dataOffset = 0;
        if ((flags & TRUN_DATA_OFFSET) != 0) {
          dataOffset = (int) w.u32(r, "data_offset"); // signed 32-bit
          r += 4;
        }
        long firstFlags = -1;
        if ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0) {
          firstFlags = w.u32(r, "first_sample_flags");
          r += 4;
        }
        int perSample = 4 * Integer.bitCount(flags & 0xf00);
        // A count the box cannot hold is refused before the loop, so a bogus count costs nothing.
        if (count * perSample > trun.end() - r || (perSample == 0 && count > b.length)) {
          throw w.malformed(
              String.format(
                  Locale.ROOT,
                  "sample_count %d (%d bytes per sample) does not fit in the %d bytes left",
                  count,
                  perSample,
                  trun.end() - r));
        }
        long position = d.baseOffset + dataOffset;
        for (int i = 0; i < count; i++) {
          long duration = d.duration;
          long size = d.size;
          long sampleFlags = i == 0 && firstFlags >= 0 ? firstFlags : d.flags;
          if ((flags & TRUN_DURATION) != 0) {
            duration = w.u32(r, "sample_duration");
            r += 4;
          }
          if ((flags & TRUN_SIZE) != 0) {
            size = w.u32(r, "sample_size");
            r += 4;
          }
          if ((flags & TRUN_FLAGS) != 0) {
            long f = w.u32(r, "sample_flags");
            r += 4;
            if (!(i == 0 && firstFlags >= 0)) {
              sampleFlags = f;
            }
          }
          if ((flags & TRUN_COMPOSITION_OFFSET) != 0) {
            r += 4;
          }
          boolean sync = (sampleFlags & NON_SYNC) == 0;
          if (samples == 0) {
            startsWithSync = sync;
          }
          if (sync) {
            // An I-frame range must carry the moof that describes the sample, up to its end.
            syncSamples.add(
                new Keyframe(
                    moof.start(), position + size - moof.start(), (double) time / timescale));
          }
          position += size;
          time += duration;
          totalDuration += duration;
          samples++;
        }
      }
    }
    if (Double.isNaN(start)) {
      throw new MalformedMediaException("Cannot inspect fMP4 segment: no moof box");
    }
    return new Mp4Fragment(
        start, (double) totalDuration / timescale, samples, startsWithSync, syncSamples);
  }

  /** The track fragment's defaults (tfhd, §8.8.7). */
  private record Defaults(long baseOffset, long duration, long size, long flags) {}

  private static Defaults defaults(byte[] b, Mp4Box tfhd, Mp4Box moof) {
    ByteWindow w = tfhd.content(b);
    int tfFlags = w.u24(tfhd.payload() + 1, "tfhd flags");
    int q = tfhd.afterVersionAndFlags() + 4; // after track_ID
    long baseOffset = moof.start();
    if ((tfFlags & TFHD_BASE_DATA_OFFSET) != 0) {
      baseOffset = w.u64(q, "base_data_offset");
      q += 8;
    }
    if ((tfFlags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0) {
      q += 4;
    }
    long duration = 0;
    long size = 0;
    long flags = 0;
    if ((tfFlags & TFHD_DEFAULT_DURATION) != 0) {
      duration = w.u32(q, "default_sample_duration");
      q += 4;
    }
    if ((tfFlags & TFHD_DEFAULT_SIZE) != 0) {
      size = w.u32(q, "default_sample_size");
      q += 4;
    }
    if ((tfFlags & TFHD_DEFAULT_FLAGS) != 0) {
      flags = w.u32(q, "default_sample_flags");
    }
    return new Defaults(baseOffset, duration, size, flags);
  }

  /** baseMediaDecodeTime (tfdt, §8.8.12), 0 when the fragment has no tfdt. */
  private static long decodeTime(byte[] b, Mp4Box tfdt) {
    if (tfdt == null) {
      return 0;
    }
    ByteWindow w = tfdt.content(b);
    int version = w.u8(tfdt.payload(), "tfdt version");
    return version == 1
        ? w.u64(tfdt.afterVersionAndFlags(), "baseMediaDecodeTime")
        : w.u32(tfdt.afterVersionAndFlags(), "baseMediaDecodeTime");
  }
}
