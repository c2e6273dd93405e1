package io.hlsforge.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagePartsTest {
  private static RenditionRecord rendition(String name, String codecs) {
    return new RenditionRecord(
        "r", "a", "e", name, "video", "file:/m", 320, 180, 25, 300, 0, 0, null, codecs, "ts", null,
        0, 0, 0, 0, 0, 0, "x", 1L, 1000L);
  }

  private static SegmentRecord segment(String rendition, int index, double seconds, long bytes) {
    return new SegmentRecord(
        "r",
        "a",
        "e",
        rendition,
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
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void chunksJoinIntoOneRenditionWithAggregatesOverEverySegment() {
    PackageOutcome first =
        new PackageOutcome(
            List.of(rendition("180p", "avc1.42c00d")),
            List.of(segment("180p", 0, 2, 1000), segment("180p", 1, 2, 3000)));
    PackageOutcome second =
        new PackageOutcome(
            List.of(rendition("180p", "avc1.42c00d")), List.of(segment("180p", 2, 1.5, 500)));
    PackageOutcome audio =
        new PackageOutcome(
            List.of(rendition("audio-stereo", "mp4a.40.2")),
            List.of(segment("audio-stereo", 0, 5.5, 9000)));

    PackageOutcome merged = PackageParts.merge(List.of(second, audio, first));

    assertThat(merged.renditions())
        .extracting(RenditionRecord::rendition)
        .containsExactly("180p", "audio-stereo");
    RenditionRecord video = merged.renditions().get(0);
    assertThat(video.segmentCount()).isEqualTo(3);
    assertThat(video.durationS()).isEqualTo(5.5);
    assertThat(video.totalBytes()).isEqualTo(4500);
    assertThat(video.peakBandwidth()).as("the 3000-byte 2 s segment").isEqualTo(12000);
    assertThat(merged.segments())
        .filteredOn(s -> s.rendition().equals("180p"))
        .extracting(SegmentRecord::segmentIndex)
        .containsExactly(0, 1, 2);
  }

  @Test
  void partsThatDisagreeOnCodecsOrRepeatASegmentAreRefused() {
    PackageOutcome a =
        new PackageOutcome(
            List.of(rendition("180p", "avc1.42c00d")), List.of(segment("180p", 0, 2, 1)));
    PackageOutcome b =
        new PackageOutcome(
            List.of(rendition("180p", "avc1.64000d")), List.of(segment("180p", 1, 2, 1)));
    assertThatThrownBy(() -> PackageParts.merge(List.of(a, b))).hasMessageContaining("CODECS");
    PackageOutcome c =
        new PackageOutcome(
            List.of(rendition("180p", "avc1.42c00d")), List.of(segment("180p", 0, 2, 1)));
    assertThatThrownBy(() -> PackageParts.merge(List.of(a, c)))
        .hasMessageContaining("segment 0 appears twice");
  }
}
