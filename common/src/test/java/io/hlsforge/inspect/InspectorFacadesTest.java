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
import static io.hlsforge.inspect.Mp4Bytes.zeros;
import static io.hlsforge.inspect.TsBytes.bytes;
import static io.hlsforge.inspect.TsBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hlsforge.hls.Mp4Inspector;
import io.hlsforge.hls.TsInspector;
import org.junit.jupiter.api.Test;

/**
 * The validator still reads segments through {@link TsInspector} and {@link Mp4Inspector}; their
 * records must carry the same hand-worked values as the readers behind them.
 */
class InspectorFacadesTest {

  @Test
  void tsInspectionCarriesTheHandWorkedValues() {
    byte[] sps = bytes(0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xAC, 0, 0, 1, 0x65, 0x88);
    byte[] adts = concat(bytes(0xFF, 0xF1, 0x4C, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);
    TsBytes ts = new TsBytes().pat().pmt(0x1B, TsBytes.VIDEO_PID, 0x0F, TsBytes.AUDIO_PID);
    ts.pes(TsBytes.VIDEO_PID, 0xE0, 900_000, sps); // 10.0 s, one packet at byte 376
    ts.pes(TsBytes.AUDIO_PID, 0xC0, 901_800, adts); // 10.02 s
    ts.pes(TsBytes.VIDEO_PID, 0xE0, 903_600, bytes(0, 0, 1, 0x41, 0x9A)); // 10.04 s at 752

    TsInspector.Inspection i = TsInspector.inspect(ts.bytes());

    assertThat(i.videoStartPts()).isEqualTo(10.0);
    assertThat(i.videoEndPts()).isCloseTo(10.08, within(1e-9));
    assertThat(i.audioStartPts()).isEqualTo(10.02);
    assertThat(i.audioEndPts()).isCloseTo(10.02 + 1024.0 / 48000, within(1e-9));
    assertThat(i.startsWithIdr()).isTrue();
    assertThat(i.avcProfileIdc()).isEqualTo(100);
    assertThat(i.avcConstraintFlags()).isZero();
    assertThat(i.avcLevelIdc()).isEqualTo(40);
    assertThat(i.aacObjectType()).isEqualTo(2);
    assertThat(i.audioSampleRate()).isEqualTo(48000);
    assertThat(i.videoFrames()).isEqualTo(2);
    assertThat(i.keyframes()).containsExactly(new TsInspector.Keyframe(376, 2 * 188, 10.0));
    assertThat(i.codecs()).isEqualTo("avc1.640028,mp4a.40.2");
    assertThat(i.startPts()).isEqualTo(10.0);
    assertThat(i.duration()).isCloseTo(0.08, within(1e-9));
  }

  @Test
  void anAudioOnlyTsInspectionHasNoVideoAndNoIdr() {
    byte[] adts = concat(bytes(0xFF, 0xF1, 0x4C, 0x80, 0x02, 0x1F, 0xFC), new byte[9]);
    TsBytes ts = new TsBytes().pat().pmt(0x0F, TsBytes.AUDIO_PID);
    ts.pes(TsBytes.AUDIO_PID, 0xC0, 900_000, adts);

    TsInspector.Inspection i = TsInspector.inspect(ts.bytes());

    assertThat(i.hasVideo()).isFalse();
    assertThat(i.videoEndPts()).isNaN();
    assertThat(i.startsWithIdr()).isFalse();
    assertThat(i.avcProfileIdc()).isEqualTo(-1);
    assertThat(i.videoFrames()).isZero();
    assertThat(i.codecs()).isEqualTo("mp4a.40.2");
  }

  @Test
  void mp4InitAndFragmentCarryTheHandWorkedValues() {
    byte[] audioInit = init(mdhd(48000), "soun", audioEntry("mp4a", 44100, esds(u8(0x12, 0x10))));
    byte[] tfhd = fullBox("tfhd", 0, 0x020000, u32(1));
    byte[] tfdt = fullBox("tfdt", 1, 0, u64(96000));
    byte[] trun =
        fullBox("trun", 0, 0x000301, u32(2), u32(0), u32(1024), u32(6), u32(1024), u32(6));
    byte[] moof = box("moof", fullBox("mfhd", 0, 0, u32(1)), box("traf", tfhd, tfdt, trun));
    byte[] fragment = concat(moof, box("mdat", zeros(12)));

    Mp4Inspector.Init init = Mp4Inspector.init(audioInit);
    Mp4Inspector.Fragment f = Mp4Inspector.fragment(fragment, init.timescale());

    // AudioSpecificConfig 0x12 0x10: object type 2, index 4 (44.1 kHz), 2 channels.
    assertThat(init).isEqualTo(new Mp4Inspector.Init(false, 48000, 0, 0, "mp4a.40.2", 44100));
    assertThat(f.startSeconds()).isEqualTo(2.0);
    assertThat(f.durationSeconds()).isCloseTo(2048 / 48000.0, within(1e-12));
    assertThat(f.samples()).isEqualTo(2);
    assertThat(f.startsWithSync()).as("no flags given: sync (flags 0)").isTrue();
    assertThat(f.keyframes())
        .as("every sync sample, audio too, with data_offset 0: from the moof")
        .containsExactly(
            new TsInspector.Keyframe(0, 6, 2.0),
            new TsInspector.Keyframe(0, 12, 2.0 + 1024 / 48000.0));
  }
}
