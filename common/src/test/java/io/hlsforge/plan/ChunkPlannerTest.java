package io.hlsforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hlsforge.plan.ChunkPlanner.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
  @Test
  void shortTitlesAreEncodedWhole() {
    assertThat(ChunkPlanner.plan(100, 6, 10, 600)).isEmpty();
    assertThat(ChunkPlanner.plan(700, 6, 100, 600))
        .as("fewer than two chunks of segments")
        .isEmpty();
  }

  @Test
  void chunksStartOnSegmentBoundariesAndTheLastRunsToTheEnd() {
    List<Chunk> chunks = ChunkPlanner.plan(125, 2, 10, 60);
    assertThat(chunks).extracting(Chunk::firstSegment).containsExactly(0, 10, 20, 30, 40, 50);
    assertThat(chunks)
        .extracting(Chunk::startSeconds)
        .containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
    assertThat(chunks.subList(0, 5))
        .allSatisfy(c -> assertThat(c.durationSeconds()).isEqualTo(20.0));
    assertThat(chunks.get(5).last()).isTrue();
    assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void aShortTailJoinsThePreviousChunk() {
    List<Chunk> chunks = ChunkPlanner.plan(128, 6, 5, 0); // 30 s chunks, 8 s tail
    assertThat(chunks).hasSize(4);
    assertThat(chunks.get(3).startSeconds()).isEqualTo(90.0);
    assertThat(chunks.get(3).last()).isTrue();
    assertThat(ChunkPlanner.plan(136, 6, 5, 0)).as("a 16 s tail is its own chunk").hasSize(5);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> ChunkPlanner.plan(100, 6, 0, 0)).hasMessageContaining("Cannot chunk");
  }
}
