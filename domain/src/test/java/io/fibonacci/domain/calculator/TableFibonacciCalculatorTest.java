package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import org.junit.jupiter.api.Test;

class TableFibonacciCalculatorTest extends FibonacciCalculatorContract {

  private final TableFibonacciCalculator calculator = new TableFibonacciCalculator();

  @Override
  protected FibonacciCalculator calculator() {
    return calculator;
  }

  @Override
  protected int knownValuesUpTo() {
    return TableFibonacciCalculator.MAX_POSITION;
  }

  @Override
  protected int randomPositionsUpTo() {
    return TableFibonacciCalculator.MAX_POSITION;
  }

  @Test
  void holdsTheLargestFibonacciNumberThatFitsInALong() {
    long largest = TableFibonacciCalculator.valueAt(92);

    assertThat(largest).isEqualTo(7_540_113_804_746_346_429L);
    assertThat(Long.MAX_VALUE - largest).isLessThan(TableFibonacciCalculator.valueAt(91));
  }

  @Test
  void rejectsPositionsBeyondTheTable() {
    Position beyond = Position.of(93);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> calculator.compute(beyond))
        .withMessageContaining("F(92)");
  }

  @Test
  void rejectsNegativeIndexes() {
    assertThatIllegalArgumentException().isThrownBy(() -> TableFibonacciCalculator.valueAt(-1));
  }

  @Test
  void returnsTheSameInstanceForTheSamePosition() {
    Position position = Position.of(50);

    var first = calculator.compute(position);
    var second = calculator.compute(position);

    assertThat(second).isSameAs(first);
  }
}
