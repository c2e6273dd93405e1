package io.hlsforge.inspect;

import static io.hlsforge.inspect.TsBytes.AUDIO_PID;
import static io.hlsforge.inspect.TsBytes.VIDEO_PID;
import static io.hlsforge.inspect.TsBytes.bytes;
import static io.hlsforge.inspect.TsBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-built transport streams with values worked out from ISO/IEC 13818-1 and ITU-T H.264. */
class TsSegmentReaderTest {
  private static final int H264 = 0x1B;
  private static final int AAC = 0x0F;
  private static final int MPEG1_AUDIO = 0x03;
  private static final int MPEG2_AUDIO = 0x04;
  private static final int VIDEO_STREAM_ID = 0xE0;
  private static final int AUDIO_STREAM_ID = 0xC0;

  /** PTS 900000 on the 90 kHz clock is 10.0 s. */
  private static final long TEN_SECONDS = 900_000;

  /** Access unit delimiter, then an SPS with profile_idc 100 (High), flags 0, level_idc 40. */
  private static final byte[] AUD_SPS_HIGH_40 =
      bytes(0, 0, 0, 1, 0x09, 0xF0, 0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xAC, 0xD9, 0x40, 0x78);

  private static final byte[] PPS = bytes(0, 0, 0, 1, 0x68, 0xEB, 0xE3, 0xCB, 0x22, 0xC0);

  /** An IDR slice (nal_unit_type 5) followed by filler, so the access unit spans 3 TS packets. */
  private static final byte[] IDR_SLICE = concat(bytes(0, 0, 1, 0x65, 0x88, 0x84), new byte[400]);

  private static final byte[] NON_IDR_FRAME =
      concat(bytes(0, 0, 0, 1, 0x09, 0xF0, 0, 0, 1, 0x41, 0x9A), new byte[60]);

  /**
   * One ADTS frame, 16 bytes: MPEG-4, no CRC, profile 1 (AAC-LC, object type 2), sampling index 3
   * (48 kHz), 2 channels, frame_length 16, buffer fullness 0x7FF, one raw data block.
   */
  private static final byte[] ADTS_LC_48K =
      concat(bytes(0xFF, 0xF1, 0x4C, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);

  @Test
  void thePtsBytesOf900000AreTheHandEncodedOnes() {
    // 900000 = bits 32..30: 0, bits 29..15: 27, bits 14..0: 15264 → 0010 000 1, 27 << 1 | 1 in
    // 15 bits + marker, 15264 << 1 | 1.
    assertThat(TsBytes.ptsBytes(TEN_SECONDS)).containsExactly(0x21, 0x00, 0x37, 0x77, 0x41);
    assertThat(PesPacket.decodeTimestamp(bytes(0x21, 0x00, 0x37, 0x77, 0x41), 0))
        .isEqualTo(TEN_SECONDS);
  }

  @Test
  void readsVideoAndAacFromAHandBuiltSegment() {
    TsBytes ts = new TsBytes().pat().pmt(H264, VIDEO_PID, AAC, AUDIO_PID);
    int idrAt = ts.size();
    ts.pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS, concat(AUD_SPS_HIGH_40, PPS, IDR_SLICE));
    ts.pes(AUDIO_PID, AUDIO_STREAM_ID, TEN_SECONDS, concat(ADTS_LC_48K, ADTS_LC_48K));
    int secondFrameAt = ts.size();
    ts.pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS + 3600, NON_IDR_FRAME);
    ts.pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS + 7200, NON_IDR_FRAME);

    TsSegment read = TsSegmentReader.read(ts.bytes());
    SegmentFacts f = read.facts();

    assertThat(idrAt).as("after PAT and PMT").isEqualTo(376);
    assertThat(read.sps()).isEqualTo(new SpsHeader(100, 0, 40));
    assertThat(read.audioObjectType()).isEqualTo(2);
    assertThat(f.codecs()).isEqualTo("avc1.640028,mp4a.40.2");
    assertThat(f.video().start()).isEqualTo(10.0);
    assertThat(f.video().frames()).isEqualTo(3);
    assertThat(f.video().end())
        .as("last PTS 10.08 + one 40 ms frame")
        .isCloseTo(10.12, within(1e-9));
    assertThat(f.video().startsWithKeyframe()).isTrue();
    assertThat(f.startsWithKeyframe()).isTrue();
    assertThat(f.keyframes())
        .as("the IDR's PES spans 3 packets plus the audio packet, up to the next video PES")
        .containsExactly(new Keyframe(376, secondFrameAt - 376, 10.0));
    assertThat(secondFrameAt - idrAt).isEqualTo(4 * 188);
    assertThat(f.audio().start()).isEqualTo(10.0);
    assertThat(f.audio().sampleRate()).isEqualTo(48000);
    assertThat(f.audio().end())
        .as("two ADTS frames of 1024 samples at 48 kHz")
        .isCloseTo(10.0 + 2048.0 / 48000, within(1e-9));
    assertThat(f.start()).isEqualTo(10.0);
    assertThat(f.duration()).isCloseTo(0.12, within(1e-9));
  }

  @Test
  void aSegmentThatStartsWithANonIdrFrameSaysSo() {
    TsBytes ts = new TsBytes().pat().pmt(H264, VIDEO_PID);
    ts.pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS, NON_IDR_FRAME);
    int idrAt = ts.size();
    ts.pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS + 3600, concat(AUD_SPS_HIGH_40, PPS, IDR_SLICE));

    SegmentFacts f = TsSegmentReader.facts(ts.bytes());

    assertThat(f.hasAudio()).isFalse();
    assertThat(f.startsWithKeyframe()).isFalse();
    assertThat(f.keyframes())
        .as("the last access unit runs to the end of the segment")
        .containsExactly(new Keyframe(idrAt, 3 * 188, 10.04));
    assertThat(f.codecs()).isEqualTo("avc1.640028");
  }

  @Test
  void theAdtsProfileFieldIsTheObjectTypeMinusOne() {
    // profile 0 (AAC Main) with sampling index 4 (44.1 kHz): 00 0100 0 0 = 0x10.
    byte[] main44 = concat(bytes(0xFF, 0xF1, 0x10, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);
    TsBytes ts = new TsBytes().pat().pmt(AAC, AUDIO_PID);
    ts.pes(AUDIO_PID, AUDIO_STREAM_ID, TEN_SECONDS, main44);

    SegmentFacts f = TsSegmentReader.facts(ts.bytes());

    assertThat(f.codecs()).isEqualTo("mp4a.40.1");
    assertThat(f.audio().sampleRate()).isEqualTo(44100);
    assertThat(f.startsWithKeyframe()).as("audio frames decode on their own").isTrue();
    assertThat(f.keyframes()).isEmpty();
  }

  @Test
  void heAacInAdtsIsSignalledImplicitlySoItsHeaderReadsAsAacLc() {
    // ADTS has only 2 profile bits: HE-AAC (object type 5) travels as AAC-LC at the core rate
    // (24 kHz, index 6: 01 0110 0 0 = 0x58) with SBR found by the decoder (ISO/IEC 14496-3
    // §1.6.5.2, implicit signalling). The header alone cannot say mp4a.40.5.
    byte[] heCore24 = concat(bytes(0xFF, 0xF1, 0x58, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);
    TsBytes ts = new TsBytes().pat().pmt(AAC, AUDIO_PID);
    ts.pes(AUDIO_PID, AUDIO_STREAM_ID, TEN_SECONDS, heCore24);

    SegmentFacts f = TsSegmentReader.facts(ts.bytes());

    assertThat(f.codecs()).isEqualTo("mp4a.40.2");
    assertThat(f.audio().sampleRate()).isEqualTo(24000);
  }

  @Test
  void mpeg1LayerIIIFramesOnStreamType3() {
    // FF FB 90 00: MPEG-1 (11), Layer III (01), no CRC; bitrate index 9 = 128 kbps, 44.1 kHz, no
    // padding. Frame length 144 * 128000 / 44100 = 417 bytes, 1152 samples.
    byte[] frame = concat(bytes(0xFF, 0xFB, 0x90, 0x00), new byte[413]);
    TsBytes ts = new TsBytes().pat().pmt(MPEG1_AUDIO, AUDIO_PID);
    ts.pes(AUDIO_PID, AUDIO_STREAM_ID, TEN_SECONDS, concat(frame, frame));

    SegmentFacts f = TsSegmentReader.facts(ts.bytes());

    assertThat(f.codecs()).isEqualTo("mp4a.40.34");
    assertThat(f.audio().sampleRate()).isEqualTo(44100);
    assertThat(f.audio().end()).isCloseTo(10.0 + 2 * 1152.0 / 44100, within(1e-9));
    assertThat(MpegAudioFrames.scan(concat(frame, frame)))
        .isEqualTo(new MpegAudioFrames(2, 1152, 44100));
  }

  @Test
  void mpeg2LayerIIIFramesOnStreamType4() {
    // FF F3 84 00: MPEG-2 (10), Layer III; bitrate index 8 = 64 kbps, rate index 1 = 24 kHz.
    // Frame length 72 * 64000 / 24000 = 192 bytes, 576 samples.
    byte[] frame = concat(bytes(0xFF, 0xF3, 0x84, 0x00), new byte[188]);
    TsBytes ts = new TsBytes().pat().pmt(MPEG2_AUDIO, AUDIO_PID);
    ts.pes(AUDIO_PID, AUDIO_STREAM_ID, TEN_SECONDS, concat(frame, frame, frame));

    TsSegment read = TsSegmentReader.read(ts.bytes());

    assertThat(read.audioObjectType()).isEqualTo(34);
    assertThat(read.facts().audio().sampleRate()).isEqualTo(24000);
    assertThat(read.facts().audio().end()).isCloseTo(10.0 + 3 * 576.0 / 24000, within(1e-9));
  }

  @Test
  void bytesThatAreNotTransportStreamAreRefused() {
    assertThatThrownBy(() -> TsSegmentReader.read(new byte[400]))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage("Cannot inspect segment: not MPEG-TS (no sync byte at offset 0)");
  }

  @Test
  void aTruncatedLastPacketIsReportedWithItsOffset() {
    byte[] whole = videoSegment();
    byte[] cut = Arrays.copyOf(whole, whole.length - 100);

    assertThatThrownBy(() -> TsSegmentReader.read(cut))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage(
            "Cannot inspect segment: truncated TS packet at byte "
                + (whole.length - 188)
                + " (88 of 188 bytes)");
  }

  @Test
  void aLostSyncByteIsReportedWithItsOffset() {
    byte[] ts = videoSegment();
    ts[3 * 188] = 0x00;

    assertThatThrownBy(() -> TsSegmentReader.read(ts))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage("Cannot inspect segment: lost TS sync at byte 564");
  }

  @Test
  void aPmtSectionLongerThanItsPacketIsReported() {
    TsBytes ts = new TsBytes().pat();
    byte[] pmt = new TsBytes().pmt(H264, VIDEO_PID).bytes();
    // section_length is the 12 bits after table_id; pointer_field sits at byte 4 of the packet.
    pmt[6] = (byte) (0xB0 | 300 >> 8);
    pmt[7] = (byte) (300 & 0xff);
    byte[] bytes = concat(ts.bytes(), pmt);

    assertThatThrownBy(() -> TsSegmentReader.read(bytes))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageStartingWith("Cannot inspect PMT packet at byte 188: ")
        .hasMessageContaining("PMT section_length 300 runs past the end of its TS packet")
        .hasMessageContaining("the section would end at byte 496, the packet ends at byte 376");
  }

  @Test
  void aProgramInfoLengthPastTheSectionIsReported() {
    byte[] ts = concat(new TsBytes().pat().bytes(), new TsBytes().pmt(H264, VIDEO_PID).bytes());
    // program_info_length: section starts at 188 + 5; bytes 10-11 of the section.
    ts[188 + 5 + 10] = (byte) 0xF0;
    ts[188 + 5 + 11] = (byte) 100;

    assertThatThrownBy(() -> TsSegmentReader.read(ts))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageStartingWith("Cannot inspect PMT section: program_info_length 100 runs past");
  }

  @Test
  void aPesHeaderLengthPastThePacketIsReported() {
    TsBytes ts = new TsBytes().pat().pmt(H264, VIDEO_PID);
    byte[] pes = new TsBytes().pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS, NON_IDR_FRAME).bytes();
    int payload = 4 + 1 + (pes[4] & 0xff); // after the adaptation field
    pes[payload + 8] = (byte) 200; // PES_header_data_length
    byte[] bytes = concat(ts.bytes(), pes);

    assertThatThrownBy(() -> TsSegmentReader.read(bytes))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageStartingWith("Cannot inspect PES header in TS packet at byte 376 (PID 0x100): ")
        .hasMessageContaining("PES_header_data_length 200 runs past the end of the packet");
  }

  @Test
  void aPtsFlagWithoutRoomForThePtsIsReported() {
    TsBytes ts = new TsBytes().pat().pmt(H264, VIDEO_PID);
    byte[] pes = new TsBytes().pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS, NON_IDR_FRAME).bytes();
    int payload = 4 + 1 + (pes[4] & 0xff);
    pes[payload + 8] = 2;
    byte[] bytes = concat(ts.bytes(), pes);

    assertThatThrownBy(() -> TsSegmentReader.read(bytes))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageContaining("announce a PTS but PES_header_data_length is only 2");
  }

  @Test
  void aPesWithoutStartCodeIsReported() {
    TsBytes ts = new TsBytes().pat().pmt(H264, VIDEO_PID);
    ts.packet(VIDEO_PID, true, new byte[20]);

    assertThatThrownBy(() -> TsSegmentReader.read(ts.bytes()))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessageContaining("no packet_start_code_prefix 00 00 01 at byte " + (376 + 5 + 163));
  }

  @Test
  void anAdaptationFieldLongerThanThePacketIsReported() {
    byte[] ts = videoSegment();
    ts[2 * 188 + 3] = 0x30; // adaptation field and payload
    ts[2 * 188 + 4] = (byte) 190;

    assertThatThrownBy(() -> TsSegmentReader.read(ts))
        .isInstanceOf(MalformedMediaException.class)
        .hasMessage(
            "Cannot inspect segment: TS packet at byte 376 (PID 0x100) has an"
                + " adaptation_field_length of 190, past the end of the packet");
  }

  private static byte[] videoSegment() {
    TsBytes ts = new TsBytes().pat().pmt(H264, VIDEO_PID);
    ts.pes(VIDEO_PID, VIDEO_STREAM_ID, TEN_SECONDS, concat(AUD_SPS_HIGH_40, PPS, IDR_SLICE));
    return ts.bytes();
  }
}
