package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoublingFibonacciCalculatorTest extends FibonacciCalculatorContract {

  /** Known values up to 2^20: beyond that, converting to decimal makes each row cost seconds. */
  DoublingFibonacciCalculatorTest() {
    super(new DoublingFibonacciCalculator(), 1 << 20);
  }

  @Property(tries = 500)
  void agreesWithTheLoopOnEveryShapeOfLastBit(@ForAll @IntRange(min = 0, max = 2_000) int n) {
    BigInteger expected = IterativeFibonacciCalculator.valueAt(n);

    BigInteger actual = DoublingFibonacciCalculator.valueAt(n);

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void rejectsNegativeIndexes() {
    assertThatIllegalArgumentException().isThrownBy(() -> DoublingFibonacciCalculator.valueAt(-1));
  }
}
