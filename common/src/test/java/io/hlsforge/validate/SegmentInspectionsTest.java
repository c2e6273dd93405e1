package io.hlsforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.hlsforge.inspect.Mp4Track;
import io.hlsforge.inspect.TrackKind;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentInspectionsTest {
  private static final Optional<Mp4Track> INIT =
      Optional.of(new Mp4Track(TrackKind.VIDEO, 12800, 640, 360, "avc1.42c01e", 0));

  /** An 8-byte box header: 32-bit size, then the four-character type. */
  private static byte[] box(String type) {
    byte[] b = new byte[16];
    b[3] = 16;
    System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, b, 4, 4);
    return b;
  }

  @Test
  void containersAreRecognisedByTheirFirstBytes() {
    byte[] packet = new byte[188];
    packet[0] = 0x47;
    assertThat(SegmentInspections.container(packet, Optional.empty()))
        .isEqualTo(SegmentContainer.TRANSPORT_STREAM);
    assertThat(SegmentInspections.container(new byte[187], Optional.empty()))
        .as("shorter than one TS packet")
        .isEqualTo(SegmentContainer.UNRECOGNISED);
    assertThat(SegmentInspections.container(box("moof"), INIT)).isEqualTo(SegmentContainer.FMP4);
    assertThat(SegmentInspections.container(box("moof"), Optional.empty()))
        .as("a fragment without an init segment cannot be read")
        .isEqualTo(SegmentContainer.UNRECOGNISED);
  }
}
