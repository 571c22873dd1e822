package io.fibonacci.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PositionTest {

  @Test
  void acceptsZero() {
    Position zero = Position.of(0);

    assertThat(zero.value()).isZero();
  }

  @Test
  void rejectsNegativeValues() {
    assertThatIllegalArgumentException().isThrownBy(() -> Position.of(-1));
  }

  @Test
  void ordersByValue() {
    Position small = Position.of(3);
    Position large = Position.of(30);

    int comparison = small.compareTo(large);

    assertThat(comparison).isNegative();
  }

  @Test
  void printsAsItsPlainValue() {
    Position position = Position.of(1_000_000);

    String text = position.toString();

    assertThat(text).isEqualTo("1000000");
  }

  @Test
  void equalsAnotherPositionWithTheSameValue() {
    assertThat(Position.of(7)).isEqualTo(new Position(7)).hasSameHashCodeAs(Position.of(7));
  }
}
