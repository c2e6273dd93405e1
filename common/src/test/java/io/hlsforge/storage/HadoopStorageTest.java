package io.hlsforge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopStorageTest {
  @TempDir Path dir;

  private final HadoopStorage storage = new HadoopStorage(new Configuration());

  @Test
  void aSegmentAlreadyReadIsRenamedIntoALocalOutputReplacingALeftover() throws Exception {
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    Path segment = Files.write(scratch.resolve("segment_00000.ts"), new byte[] {1, 2, 3});
    Path target = dir.resolve("out/a/e1/360p/segment_00000.ts");
    Files.createDirectories(target.getParent());
    Files.write(target, new byte[] {9}); // a retried task's leftover

    storage.moveOrWrite(segment, Files.readAllBytes(segment), target.toUri().toString());

    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(segment).as("renamed, not copied").doesNotExist();
    try (var left = Files.list(target.getParent())) {
      assertThat(left).as("no temporary files").containsExactly(target);
    }
  }

  @Test
  void fromScratchOnAnotherFileSystemTheBytesInMemoryAreWrittenAndTheFileStays() throws Exception {
    // /dev/shm is a tmpfs, the temporary directory is not: no rename can cross them.
    assertThat(Files.getFileStore(Path.of("/dev/shm"))).isNotEqualTo(Files.getFileStore(dir));
    Path other = Files.createTempDirectory(Path.of("/dev/shm"), "hlsforge-storage-test-");
    try {
      Path segment = Files.write(other.resolve("s.ts"), new byte[] {4, 5});
      Path target = dir.resolve("out/s.ts");

      storage.moveOrWrite(segment, new byte[] {4, 5}, target.toUri().toString());

      assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
      assertThat(segment).exists();
    } finally {
      ScratchDirs.deleteQuietly(other);
    }
  }
}
