package io.fibonacci.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.domain.model.Position;
import org.junit.jupiter.api.Test;

class RequestCostPolicyTest {

  @Test
  void chargesOneTokenForSmallPositions() {
    var policy = RequestCostPolicy.DEFAULT;

    assertThat(policy.costOf(Position.of(0))).isEqualTo(1);
    assertThat(policy.costOf(Position.of(99_999))).isEqualTo(1);
  }

  @Test
  void growsLinearlyWithThePosition() {
    var policy = RequestCostPolicy.DEFAULT;

    assertThat(policy.costOf(Position.of(100_000))).isEqualTo(2);
    assertThat(policy.costOf(Position.of(1_000_000))).isEqualTo(11);
    assertThat(policy.costOf(Position.of(10_000_000))).isEqualTo(101);
  }

  @Test
  void namesTheLargestPositionAGivenBudgetAffords() {
    var policy = RequestCostPolicy.DEFAULT;

    long largest = policy.largestPositionCosting(11);

    assertThat(policy.costOf(Position.of((int) largest))).isEqualTo(11);
    assertThat(policy.costOf(Position.of((int) largest + 1))).isEqualTo(12);
  }

  @Test
  void refusesAPolicyWithoutPositionsPerToken() {
    assertThatThrownBy(() -> new RequestCostPolicy(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
