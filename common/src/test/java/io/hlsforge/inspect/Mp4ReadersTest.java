package io.hlsforge.inspect;

import static io.hlsforge.inspect.Mp4Bytes.audioEntry;
import static io.hlsforge.inspect.Mp4Bytes.box;
import static io.hlsforge.inspect.Mp4Bytes.esds;
import static io.hlsforge.inspect.Mp4Bytes.fullBox;
import static io.hlsforge.inspect.Mp4Bytes.init;
import static io.hlsforge.inspect.Mp4Bytes.mdhd;
import static io.hlsforge.inspect.Mp4Bytes.mdhdV1;
import static io.hlsforge.inspect.Mp4Bytes.u32;
import static io.hlsforge.inspect.Mp4Bytes.u64;
import static io.hlsforge.inspect.Mp4Bytes.u8;
import static io.hlsforge.inspect.Mp4Bytes.visualEntry;
import static io.hlsforge.inspect.Mp4Bytes.zeros;
import static io.hlsforge.inspect.TsBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-built init and media segments with values worked out from ISO/IEC 14496-12/-14/-15. */
class Mp4ReadersTest {
  /** avcC: version 1, profile 100, compatibility 0, level 40, 4-byte lengths, no SPS/PPS. */
  private static final byte[] AVCC = box("avcC", u8(1, 0x64, 0x00, 0x28, 0xFF, 0xE0, 0x00));

  /** AudioSpecificConfig: object type 2 (00010), 48 kHz (0011), 2 channels (0010), 000. */
  private static final byte[] ASC_AAC_LC_48K = u8(0x11, 0x90);

  /**
   * Explicit HE-AAC: object type 5 (00101), core 24 kHz (0110), 2 channels (0010), extension 48 kHz
   * (0011), then object type 2 (00010), padded: 0x2B 0x11 0x88.
   */
  private static final byte[] ASC_HE_AAC = u8(0x2B, 0x11, 0x88);

  /** Escaped object type: 31 (11111), then 6 bits 001010 = 10, so 32 + 10 = 42 (USAC). */
  private static final byte[] ASC_ESCAPED_42 = u8(0xF9, 0x46, 0x00);

  private static final long SYNC = 0x02000000L; // sample_depends_on 2 (I-frame)
  private static final long NON_SYNC = 0x01010000L; // depends on others, non-sync sample

  @Test
  void aVideoInitSegmentGivesKindTimescaleSizeAndAvc1Codec() {
    byte[] b = init(mdhd(90000), "vide", visualEntry("avc1", 1280, 720, AVCC));

    Mp4Track t = Mp4TrackReader.read(b);

    assertThat(t).isEqualTo(new Mp4Track(TrackKind.VIDEO, 90000, 1280, 720, "avc1.640028", 0));
    assertThat(Mp4TrackReader.looksLikeMp4(b)).isTrue();
  }

  @Test
  void mdhdVersion1PutsTheTimescaleAfter64BitTimes() {
    byte[] b = init(mdhdV1(12800), "vide", visualEntry("avc1", 160, 90, AVCC));

    assertThat(Mp4TrackReader.read(b).timescale()).isEqualTo(12800);
  }

  @Test
  void hvcCGivesTheAnnexECodecString() {
    // general_profile_space 0, tier Main, profile 1; compatibility flags 0x60000000 (profiles 1
    // and 2) reversed → 0x6; constraint bytes 0x90 then zeros; level 93 (3.1).
    byte[] hvcc =
        box("hvcC", u8(1, 0x01, 0x60, 0x00, 0x00, 0x00, 0x90, 0, 0, 0, 0, 0, 93), zeros(10));
    byte[] b = init(mdhd(90000), "vide", visualEntry("hvc1", 640, 360, hvcc));

    assertThat(Mp4TrackReader.read(b).codec()).isEqualTo("hvc1.1.6.L93.90");
  }

  @Test
  void anAudioInitSegmentGivesTheObjectTypeFromEsds() {
    byte[] lc = init(mdhd(48000), "soun", audioEntry("mp4a", 48000, esds(ASC_AAC_LC_48K)));
    byte[] he = init(mdhd(48000), "soun", audioEntry("mp4a", 48000, esds(ASC_HE_AAC)));
    byte[] usac = init(mdhd(48000), "soun", audioEntry("mp4a", 48000, esds(ASC_ESCAPED_42)));

    assertThat(Mp4TrackReader.read(lc))
        .isEqualTo(new Mp4Track(TrackKind.AUDIO, 48000, 0, 0, "mp4a.40.2", 48000));
    assertThat(Mp4TrackReader.read(he).codec()).isEqualTo("mp4a.40.5");
    assertThat(Mp4TrackReader.read(usac).codec()).isEqualTo("mp4a.40.42");
  }

  @Test
  void aFragmentGivesDecodeTimeDurationsAndSyncSamples() {
    // Fragment 1: tfdt v1 = 900000 (10.0 s at 90 kHz); trun with data offset, per-sample
    // duration, size and flags: (3000, 100, sync), (3000, 50, non-sync), (3600, 60, non-sync).
    byte[] moof1 =
        moof(
            900_000,
            trun(
                0x000701,
                new long[] {3000, 100, SYNC},
                new long[] {3000, 50, NON_SYNC},
                new long[] {3600, 60, NON_SYNC}));
    // Fragment 2: first_sample_flags sync, the rest from tfhd's default (non-sync).
    byte[] moof2 =
        moof(909_600, trunFirstFlags(SYNC, new long[] {3000, 80}, new long[] {3000, 40}));
    byte[] mdat1 = box("mdat", zeros(210));
    byte[] mdat2 = box("mdat", zeros(120));
    byte[] b =
        concat(
            box("styp", Mp4Bytes.ascii("msdh"), u32(0), Mp4Bytes.ascii("msdh")),
            moof1,
            mdat1,
            moof2,
            mdat2);
    int moof1At = 20; // after styp: size, type, major brand, minor version, one brand
    int moof2At = moof1At + moof1.length + mdat1.length;

    Mp4Fragment f = Mp4FragmentReader.read(b, 90000);

    assertThat(f.startSeconds()).isEqualTo(10.0);
    assertThat(f.samples()).isEqualTo(5);
    assertThat(f.durationSeconds()).isCloseTo(15600 / 90000.0, within(1e-12));
    assertThat(f.startsWithSync()).isTrue();
    assertThat(f.syncSamples())
        .as("each from its moof to the end of the sample's data in the mdat after it")
        .containsExactly(
            new Keyframe(moof1At, moof1.length + 8 + 100, 10.0),
            new Keyframe(moof2At, moof2.length + 8 + 80, 909_600 / 90000.0));
  }

  @Test
  void factsOfAVideoFragmentCarryTheTrackCodecAndKeyframes() {
    Mp4Track track = new Mp4Track(TrackKind.VIDEO, 90000, 1280, 720, "avc1.640028", 0);
    byte[] moof =
        moof(0, trun(0x000701, new long[] {3600, 10, NON_SYNC}, new long[] {3600, 10, SYNC}));
    byte[] b = concat(moof, box("mdat", zeros(20)));

    SegmentFacts f = Mp4FragmentReader.facts(b, track);

    assertThat(f.codecs()).isEqualTo("avc1.640028");
    assertThat(f.startsWithKeyframe()).isFalse();
    assertThat(f.video().frames()).isEqualTo(2);
    assertThat(f.end()).isCloseTo(0.08, within(1e-12));
    assertThat(f.keyframes()).containsExactly(new Keyframe(0, moof.length + 8 + 20, 0.04));
  }

  @Test
  void factsOfAnAudioFragmentListNoKeyframes() {
    Mp4Track track = new Mp4Track(TrackKind.AUDIO, 48000, 0, 0, "mp4a.40.2", 48000);
    byte[] b =
        concat(
            moof(48000, trun(0x000701, new long[] {1024, 10, SYNC}, new long[] {1024, 10, SYNC})),
            box("mdat", zeros(20)));

    SegmentFacts f = Mp4FragmentReader.facts(b, track);

    assertThat(f.hasVideo()).isFalse();
    assertThat(f.audio())
        .isEqualTo(new SegmentFacts.AudioFacts(1.0, 1.0 + 2048 / 48000.0, 48000, "mp4a.40.2"));
    assertThat(f.keyframes()).isEmpty();
    assertThat(f.startsWithKeyframe()).isTrue();
  }

  @Test
  void aBoxRunningPastTheEndIsReported() {
    byte[] b = concat(moof(0, trun(0x000701, new long[] {3600, 10, SYNC})), box("mdat", zeros(20)));
    byte[] cut = Arrays.copyOf(b, b.length - 5); // the mdat now declares 5 bytes it lacks

    assertThatThrownBy(() -> Mp4FragmentReader.read(cut, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage(
            "Cannot inspect segment: box 'mdat' at byte "
                + (b.length - 28)
                + " declares 28 bytes but the segment ends at byte "
                + cut.length);
  }

  @Test
  void aHugeBoxSizeIsReportedNotAllocated() {
    byte[] b = concat(u32(0xFFFFFFF0L), Mp4Bytes.ascii("moof"), zeros(8));

    assertThatThrownBy(() -> Mp4FragmentReader.read(b, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage(
            "Cannot inspect segment: box 'moof' at byte 0 declares 4294967280 bytes but the"
                + " segment ends at byte 16");
  }

  @Test
  void aLargesizePastTheEndIsReported() {
    byte[] b = concat(u32(1), Mp4Bytes.ascii("mdat"), u64(1L << 40), zeros(8));

    assertThatThrownBy(() -> Mp4FragmentReader.read(b, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageContaining("box 'mdat' at byte 0 declares 1099511627776 bytes");
  }

  @Test
  void aBoxSmallerThanItsHeaderIsReported() {
    byte[] b = concat(u32(4), Mp4Bytes.ascii("moof"), zeros(8));

    assertThatThrownBy(() -> Mp4FragmentReader.read(b, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage(
            "Cannot inspect segment: box 'moof' at byte 0 has size 4, smaller than its 8-byte"
                + " header");
  }

  @Test
  void sizeZeroIsOnlyAllowedAtTheTopLevel() {
    byte[] moofWithZeroTraf = box("moof", u32(0), Mp4Bytes.ascii("traf"), zeros(8));
    byte[] topLevelZero = concat(box("moov"), u32(0), Mp4Bytes.ascii("mdat"), zeros(4));

    assertThatThrownBy(() -> Mp4FragmentReader.read(moofWithZeroTraf, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage(
            "Cannot inspect box 'moof': box 'traf' at byte 8 has size 0, which only a top-level"
                + " box may have");
    assertThat(Mp4Boxes.topLevel(topLevelZero))
        .as("size 0: the last box runs to the end of the file")
        .containsExactly(new Mp4Box("moov", 0, 8, 8), new Mp4Box("mdat", 8, 16, 20));
  }

  @Test
  void aTrunCountingMoreSamplesThanItHoldsIsReported() {
    byte[] trun = trun(0x000701, new long[] {3600, 10, SYNC});
    // sample_count is after the box header and version/flags.
    ByteBuffer.wrap(trun).putInt(12, 0x7FFFFFFF);
    byte[] b = concat(moofAround(0, trun), box("mdat", zeros(10)));

    assertThatThrownBy(() -> Mp4FragmentReader.read(b, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageContaining("sample_count 2147483647 (12 bytes per sample) does not fit");
  }

  @Test
  void missingBoxesAreNamed() {
    byte[] noMdhd =
        concat(box("moov", box("trak", box("mdia", Mp4Bytes.hdlr("vide"), box("minf")))));
    byte[] noTraf = concat(box("moof", fullBox("mfhd", 0, 0, u32(1))), box("mdat"));

    assertThatThrownBy(() -> Mp4TrackReader.read(noMdhd))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage("Cannot inspect moov/trak/mdia: no 'mdhd' box in moov/trak/mdia");
    assertThatThrownBy(() -> Mp4TrackReader.read(box("ftyp", zeros(8))))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage("Cannot inspect init segment: no moov/trak/mdia box");
    assertThatThrownBy(() -> Mp4FragmentReader.read(noTraf, 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage("Cannot inspect moof at byte 0: no 'traf' box in moof at byte 0");
    assertThatThrownBy(() -> Mp4FragmentReader.read(box("mdat", zeros(4)), 90000))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage("Cannot inspect fMP4 segment: no moof box");
  }

  @Test
  void aSampleEntryTooShortForItsFieldsIsReported() {
    byte[] b = init(mdhd(90000), "vide", box("avc1", zeros(20)));

    assertThatThrownBy(() -> Mp4TrackReader.read(b))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageContaining("VisualSampleEntry fields at byte")
        .hasMessageContaining("needs 70 bytes but the box 'avc1'");
  }

  @Test
  void aZeroTimescaleIsReported() {
    byte[] b = init(mdhd(0), "vide", visualEntry("avc1", 16, 16, AVCC));

    assertThatThrownBy(() -> Mp4TrackReader.read(b))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageEndingWith("mdhd timescale is 0");
  }

  /** A moof with mfhd, and a traf of tfhd (default-base-is-moof, default flags), tfdt v1, trun. */
  private static byte[] moof(long decodeTime, byte[] trunWithoutOffset) {
    return moofAround(decodeTime, trunWithoutOffset);
  }

  private static byte[] moofAround(long decodeTime, byte[] trun) {
    byte[] tfhd = fullBox("tfhd", 0, 0x020020, u32(1), u32(NON_SYNC));
    byte[] tfdt = fullBox("tfdt", 1, 0, u64(decodeTime));
    byte[] moof = box("moof", fullBox("mfhd", 0, 0, u32(1)), box("traf", tfhd, tfdt, trun));
    // data_offset: from the moof's first byte to the first sample, just past the mdat header.
    int trunAt = moof.length - trun.length;
    ByteBuffer.wrap(moof).putInt(trunAt + 16, moof.length + 8);
    return moof;
  }

  /** A trun with data_offset and per-sample {duration, size, flags} as {@code flags} says. */
  private static byte[] trun(int flags, long[]... samples) {
    ByteBuffer b = ByteBuffer.allocate(8 + samples.length * 12);
    b.putInt(samples.length).putInt(0);
    for (long[] s : samples) {
      b.putInt((int) s[0]).putInt((int) s[1]).putInt((int) s[2]);
    }
    return fullBox("trun", 0, flags, b.array());
  }

  /** A trun with data_offset, first_sample_flags, and per-sample {duration, size}. */
  private static byte[] trunFirstFlags(long firstFlags, long[]... samples) {
    ByteBuffer b = ByteBuffer.allocate(12 + samples.length * 8);
    b.putInt(samples.length).putInt(0).putInt((int) firstFlags);
    for (long[] s : samples) {
      b.putInt((int) s[0]).putInt((int) s[1]);
    }
    return fullBox("trun", 0, 0x000305, b.array());
  }
}
