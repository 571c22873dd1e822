package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fibonacci.domain.model.Position;
import org.junit.jupiter.api.Test;

class TableFibonacciCalculatorTest extends FibonacciCalculatorContract {

  private static final TableFibonacciCalculator CALCULATOR = new TableFibonacciCalculator();

  TableFibonacciCalculatorTest() {
    super(CALCULATOR, TableFibonacciCalculator.MAX_POSITION, TableFibonacciCalculator.MAX_POSITION);
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
        .isThrownBy(() -> CALCULATOR.compute(beyond))
        .withMessageContaining("F(92)");
  }

  @Test
  void rejectsNegativeIndexes() {
    assertThatIllegalArgumentException().isThrownBy(() -> TableFibonacciCalculator.valueAt(-1));
  }

  @Test
  void returnsTheSameInstanceForTheSamePosition() {
    Position position = Position.of(50);

    var first = CALCULATOR.compute(position);
    var second = CALCULATOR.compute(position);

    assertThat(second).isSameAs(first);
  }
}
