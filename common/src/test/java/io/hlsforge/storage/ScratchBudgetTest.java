package io.hlsforge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScratchBudgetTest {
  @Test
  void aSourceWithinTheLimitAndHalfTheFreeSpaceIsCopied() {
    assertThat(ScratchBudget.refusal(400, 1_000, 500)).isEmpty();
  }

  @Test
  void aSourceOverTheConfiguredLimitIsRefusedWithBothNumbers() {
    assertThat(ScratchBudget.refusal(501, 1_000_000, 500))
        .get()
        .asString()
        .contains("501", "500", "scratch-max-source-bytes");
  }

  @Test
  void aSourceNeedingMoreThanHalfTheFreeSpaceIsRefused() {
    assertThat(ScratchBudget.refusal(600, 1_000, 10_000)).get().asString().contains("600", "1000");
  }
}
