package io.hlsforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fetch/inspect side: whatever goes wrong with one resource is a finding naming it. */
class PresentationLoaderTest {
  private static final String ROOT = "mem://test/v/index.m3u8";
  private static final String PLAYLIST =
      String.join(
          "\n",
          "#EXTM3U",
          "#EXT-X-VERSION:3",
          "#EXT-X-TARGETDURATION:2",
          "#EXT-X-PLAYLIST-TYPE:VOD",
          "#EXT-X-INDEPENDENT-SEGMENTS",
          "#EXTINF:2.0,",
          "s0.ts",
          "#EXTINF:2.0,",
          "s1.ts",
          "#EXT-X-ENDLIST",
          "");

  /** Objects from memory; a key mapped to null throws the given unchecked exception. */
  private static final class Memory implements ResourceReader {
    final Map<String, byte[]> objects = new HashMap<>();
    final Map<String, RuntimeException> broken = new HashMap<>();

    @Override
    public byte[] read(String uri) throws IOException {
      if (broken.containsKey(uri)) {
        throw broken.get(uri);
      }
      byte[] b = objects.get(uri);
      if (b == null) {
        throw new IOException("no object " + uri);
      }
      return b;
    }
  }

  /**
   * One TS packet (PID 0, payload unit start, payload only) whose PAT pointer_field (200) points
   * past the end of the 188-byte packet.
   */
  private static byte[] patPointingOutsideItsPacket() {
    byte[] packet = new byte[188];
    packet[0] = 0x47;
    packet[1] = 0x40;
    packet[2] = 0x00;
    packet[3] = 0x10;
    packet[4] = (byte) 200;
    return packet;
  }

  @Test
  void aReaderFailingUncheckedOnOneSegmentIsAFindingForThatSegment() {
    Memory memory = new Memory();
    memory.objects.put(ROOT, PLAYLIST.getBytes(StandardCharsets.UTF_8));
    memory.objects.put("mem://test/v/s0.ts", patPointingOutsideItsPacket());
    memory.broken.put("mem://test/v/s1.ts", new IllegalStateException("disk on fire"));

    ValidationReport report = new HlsValidator(memory).validate(ROOT);

    assertThat(report.errors())
        .as(report.toText())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.B0);
              assertThat(f.where()).isEqualTo("mem://test/v/s1.ts");
              assertThat(f.message())
                  .startsWith("cannot read segment 1: IllegalStateException: disk on fire");
            })
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.B0);
              assertThat(f.where()).isEqualTo("mem://test/v/s0.ts");
              // The reader's MalformedMediaException keeps its own message: the PAT payload starts
              // at byte 4, so section_length (after table_id) is read at 4 + 1 + 200 + 1 = 206.
              assertThat(f.message())
                  .isEqualTo(
                      "segment 0 is not valid MPEG-TS: Cannot inspect PAT packet at byte 0: PAT"
                          + " section_length at byte 206 needs 2 bytes but the PAT packet at byte"
                          + " 0 ends at byte 188");
            });
    assertThat(report.playlists()).isEqualTo(1);
    assertThat(report.segments()).as("s0 was read, s1 was not").isEqualTo(1);
  }

  @Test
  void aRootThatCannotBeReadIsTheOnlyFinding() {
    Memory memory = new Memory();
    memory.broken.put(ROOT, new IllegalArgumentException("Wrong FS: mem://test"));
    ValidationReport report = new HlsValidator(memory).validate(ROOT);
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.B0);
              assertThat(f.where()).isEqualTo(ROOT);
              assertThat(f.message()).isEqualTo("cannot read the playlist: Wrong FS: mem://test");
            });
    assertThat(report.playlists()).isZero();
  }

  @Test
  void aMissingInitSegmentIsAB2FindingAndItsFragmentsAreNotRead() {
    Memory memory = new Memory();
    memory.objects.put(
        ROOT,
        PLAYLIST
            .replace("#EXT-X-VERSION:3", "#EXT-X-VERSION:6\n#EXT-X-MAP:URI=\"init.mp4\"")
            .getBytes(StandardCharsets.UTF_8));
    Findings out = new Findings();
    PresentationLoader loader =
        new PresentationLoader(memory, out, HlsValidator.PictureCheck.FFPROBE_CROSS_CHECK);

    PresentationView view = loader.load(ROOT, Optional.empty()).orElseThrow();

    assertThat(out.list())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.B2);
              assertThat(f.where()).isEqualTo("mem://test/v/init.mp4");
              assertThat(f.message())
                  .isEqualTo(
                      "cannot read the EXT-X-MAP init segment: no object mem://test/v/init.mp4");
            });
    assertThat(view.mediaPlaylists())
        .singleElement()
        .satisfies(p -> assertThat(p.segments()).isEmpty());
    assertThat(loader.segmentsRead()).isZero();
  }
}
