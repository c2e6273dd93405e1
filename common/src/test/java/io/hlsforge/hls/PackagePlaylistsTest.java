package io.hlsforge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagePlaylistsTest {

  private static RenditionRecord rendition(String name, int segments) {
    return new RenditionRecord("r", "a", "e1", name, "file:/out/media/a/e1/" + name, 640, 360, 25, 700, 128, "avc1.64001e,mp4a.40.2",
        segments, 0, 0, 0, 0, 0, "ffmpeg", 0);
  }

  private static SegmentRecord segment(String rendition, int index, double seconds, long bytes) {
    String name = String.format("segment_%05d.ts", index);
    return new SegmentRecord("r", "a", "e1", rendition, index, name, "file:/out/media/a/e1/" + rendition + "/" + name, seconds, index * 6.0, 1.4,
        bytes, "00", true);
  }

  @Test
  void derivesMediaPlaylistsAndBothMastersFromManifestRows() {
    List<SegmentRecord> segs = new ArrayList<>(List.of(segment("360p", 1, 4, 375_000), segment("360p", 0, 6, 750_000)));
    PackagePlaylists.Derived d = PackagePlaylists.derive("e1", List.of(rendition("360p", 2)), segs);

    assertThat(d.mediaPlaylists()).containsOnlyKeys("360p");
    assertThat(TestLines.uris(d.mediaPlaylists().get("360p"))).as("ordered by segment index").containsExactly("segment_00000.ts", "segment_00001.ts");
    // 6 s of 750,000 bytes = 1,000,000 bit/s; 10 s window of both = 900,000 bit/s; peak is 1,000,000.
    assertThat(d.versionedMaster()).contains("BANDWIDTH=1000000,AVERAGE-BANDWIDTH=900000", "\n360p/index.m3u8\n");
    assertThat(d.stableMaster()).contains("\ne1/360p/index.m3u8\n");
  }

  @Test
  void refusesRowsWithGapsOrACountThatDisagrees() {
    assertThatThrownBy(() -> PackagePlaylists.derive("e1", List.of(rendition("360p", 2)), List.of(segment("360p", 0, 6, 1), segment("360p", 2, 6, 1))))
        .hasMessageContaining("segment rows are not 0..1");
    assertThatThrownBy(() -> PackagePlaylists.derive("e1", List.of(rendition("360p", 3)), List.of(segment("360p", 0, 6, 1), segment("360p", 1, 6, 1))))
        .hasMessageContaining("rendition row says 3 segments, manifest has 2");
  }

  /** Test helper: the URI lines of a playlist. */
  static final class TestLines {
    static List<String> uris(String playlist) {
      return playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
  }
}
