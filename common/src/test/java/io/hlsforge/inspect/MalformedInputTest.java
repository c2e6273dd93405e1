package io.hlsforge.inspect;

import static io.hlsforge.inspect.Mp4Bytes.audioEntry;
import static io.hlsforge.inspect.Mp4Bytes.box;
import static io.hlsforge.inspect.Mp4Bytes.esds;
import static io.hlsforge.inspect.Mp4Bytes.fullBox;
import static io.hlsforge.inspect.Mp4Bytes.init;
import static io.hlsforge.inspect.Mp4Bytes.mdhd;
import static io.hlsforge.inspect.Mp4Bytes.u32;
import static io.hlsforge.inspect.Mp4Bytes.u64;
import static io.hlsforge.inspect.Mp4Bytes.u8;
import static io.hlsforge.inspect.Mp4Bytes.visualEntry;
import static io.hlsforge.inspect.Mp4Bytes.zeros;
import static io.hlsforge.inspect.TsBytes.bytes;
import static io.hlsforge.inspect.TsBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, the readers either read them or throw {@link MalformedMediaException}: no
 * ArrayIndexOutOfBoundsException, NegativeArraySizeException or OutOfMemoryError from a bogus
 * length field. Every truncation of a valid segment is tried, and seeded random corruptions of
 * length and flag bytes.
 */
class MalformedInputTest {
  private static final int CORRUPTIONS = 3000;

  private static final byte[] TS = transportStream();
  private static final byte[] VIDEO_INIT =
      init(
          mdhd(90000),
          "vide",
          visualEntry("avc1", 1280, 720, box("avcC", u8(1, 0x64, 0x00, 0x28, 0xFF, 0xE0, 0x00))));
  private static final byte[] AUDIO_INIT =
      init(mdhd(48000), "soun", audioEntry("mp4a", 48000, esds(u8(0x11, 0x90))));
  private static final byte[] FRAGMENT = fragment();

  @Test
  void everyTruncationOfATransportStreamIsReadOrRefused() {
    for (int n = 0; n < TS.length; n++) {
      onlyMalformed(Arrays.copyOf(TS, n), TsSegmentReader::read);
    }
  }

  @Test
  void everyTruncationOfInitAndMediaSegmentsIsReadOrRefused() {
    for (byte[] init : new byte[][] {VIDEO_INIT, AUDIO_INIT}) {
      for (int n = 0; n < init.length; n++) {
        onlyMalformed(Arrays.copyOf(init, n), Mp4TrackReader::read);
      }
    }
    for (int n = 0; n < FRAGMENT.length; n++) {
      onlyMalformed(Arrays.copyOf(FRAGMENT, n), b -> Mp4FragmentReader.read(b, 90000));
    }
  }

  @Test
  void corruptedBytesAreReadOrRefused() {
    Random random = new Random(20261202L);
    for (int i = 0; i < CORRUPTIONS; i++) {
      onlyMalformed(corrupt(TS, random), TsSegmentReader::read);
      onlyMalformed(corrupt(VIDEO_INIT, random), Mp4TrackReader::read);
      onlyMalformed(corrupt(AUDIO_INIT, random), Mp4TrackReader::read);
      onlyMalformed(corrupt(FRAGMENT, random), b -> Mp4FragmentReader.read(b, 90000));
    }
  }

  private static void onlyMalformed(byte[] input, Consumer<byte[]> reader) {
    try {
      reader.accept(input);
    } catch (MalformedMediaException expected) {
      assertThat(expected.getMessage()).startsWith("Cannot inspect ");
    } catch (RuntimeException | Error e) {
      fail("reading " + input.length + " bytes threw " + e + "; input " + hex(input), e);
    }
  }

  /** Overwrites 1 to 4 bytes with values that make length fields extreme: 0x00, 0xFF, random. */
  private static byte[] corrupt(byte[] valid, Random random) {
    byte[] b = valid.clone();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      int at = random.nextInt(b.length);
      int kind = random.nextInt(3);
      b[at] = (byte) (kind == 0 ? 0x00 : kind == 1 ? 0xFF : random.nextInt(256));
    }
    return b;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xff));
    }
    return s.toString();
  }

  private static byte[] transportStream() {
    byte[] sps = bytes(0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xAC, 0, 0, 1, 0x65, 0x88);
    byte[] adts = concat(bytes(0xFF, 0xF1, 0x4C, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);
    byte[] mp3 = concat(bytes(0xFF, 0xFB, 0x90, 0x00), new byte[413]);
    TsBytes ts = new TsBytes().pat().pmt(0x1B, TsBytes.VIDEO_PID, 0x0F, TsBytes.AUDIO_PID);
    ts.pes(TsBytes.VIDEO_PID, 0xE0, 900_000, concat(sps, new byte[300]));
    ts.pes(TsBytes.AUDIO_PID, 0xC0, 900_000, concat(adts, adts));
    ts.pes(TsBytes.VIDEO_PID, 0xE0, 903_600, concat(bytes(0, 0, 1, 0x41), new byte[50]));
    // A second program map and MPEG audio: a corrupted first PMT may leave this one to be read.
    ts.pmt(0x03, TsBytes.AUDIO_PID);
    ts.pes(TsBytes.AUDIO_PID, 0xC0, 903_600, mp3);
    return ts.bytes();
  }

  private static byte[] fragment() {
    byte[] tfhd = fullBox("tfhd", 0, 0x02003B, u32(1), u64(0), u32(2), u32(3000), u32(10), u32(0));
    byte[] tfdt = fullBox("tfdt", 1, 0, u64(900_000));
    byte[] trun =
        fullBox(
            "trun",
            0,
            0x000F05,
            u32(2),
            u32(0),
            u32(0x02000000),
            u32(3000),
            u32(10),
            u32(0x01010000),
            u32(0),
            u32(3000),
            u32(10),
            u32(0x01010000),
            u32(0));
    return concat(
        box("moof", fullBox("mfhd", 0, 0, u32(1)), box("traf", tfhd, tfdt, trun)),
        box("mdat", zeros(20)));
  }
}
