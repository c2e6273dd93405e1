package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.config.SegmentFormat;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.model.RenditionKind;
import io.hlsforge.model.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagePartsTest {
  private static EncodedPackage part(String name, String codecs, Segment... segments) {
    return new EncodedPackage(
        "a",
        "e",
        List.of(
            new PackagedRendition(
                name,
                name.startsWith("audio") ? RenditionKind.AUDIO : RenditionKind.VIDEO,
                320,
                180,
                25,
                300,
                0,
                0,
                null,
                List.of(),
                codecs,
                SegmentFormat.TS,
                "file:/m",
                null,
                List.of(segments),
                1000L)));
  }

  private static Segment segment(int index, double seconds, long bytes) {
    return new Segment(
        index,
        "segment_" + index + ".ts",
        "file:/s" + index,
        seconds,
        index * 2.0,
        1.4,
        bytes,
        null,
        "00",
        true,
        List.of());
  }

  @Test
  void chunksJoinIntoOneRenditionWithAggregatesOverEverySegment() {
    EncodedPackage first = part("180p", "avc1.42c00d", segment(0, 2, 1000), segment(1, 2, 3000));
    EncodedPackage second = part("180p", "avc1.42c00d", segment(2, 1.5, 500));
    EncodedPackage audio = part("audio-stereo", "mp4a.40.2", segment(0, 5.5, 9000));

    EncodedPackage merged = PackageParts.merge(List.of(second, audio, first));

    assertThat(merged.renditions())
        .extracting(PackagedRendition::name)
        .containsExactly("180p", "audio-stereo");
    PackagedRendition video = merged.renditions().get(0);
    assertThat(video.segmentCount()).isEqualTo(3);
    assertThat(video.durationS()).isEqualTo(5.5);
    assertThat(video.totalBytes()).isEqualTo(4500);
    assertThat(video.peakBandwidth()).as("the 3000-byte 2 s segment").isEqualTo(12000);
    assertThat(video.packageMs()).as("summed over the two chunks").isEqualTo(2000);
    assertThat(video.segments()).extracting(Segment::index).containsExactly(0, 1, 2);
  }

  @Test
  void partsThatDisagreeOnCodecsOrRepeatASegmentAreRefused() {
    EncodedPackage a = part("180p", "avc1.42c00d", segment(0, 2, 1));
    EncodedPackage b = part("180p", "avc1.64000d", segment(1, 2, 1));
    assertThatThrownBy(() -> PackageParts.merge(List.of(a, b))).hasMessageContaining("CODECS");
    EncodedPackage c = part("180p", "avc1.42c00d", segment(0, 2, 1));
    assertThatThrownBy(() -> PackageParts.merge(List.of(a, c)))
        .hasMessageContaining("segment 0 appears twice");
  }
}
