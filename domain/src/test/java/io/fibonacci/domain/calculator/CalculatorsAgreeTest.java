package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Independent algorithms cross-check each other on random positions. */
class CalculatorsAgreeTest {

  private static final IterativeFibonacciCalculator ITERATIVE = new IterativeFibonacciCalculator();
  private static final DoublingFibonacciCalculator DOUBLING = new DoublingFibonacciCalculator();
  private static final ApfloatFibonacciCalculator APFLOAT = new ApfloatFibonacciCalculator();
  private static final SizeTieredFibonacciCalculator TIERED = new SizeTieredFibonacciCalculator();
  private static final SizeTieredFibonacciCalculator TIERED_WITH_LOW_THRESHOLDS =
      new SizeTieredFibonacciCalculator(40, 500);

  @Property(tries = 200)
  void allCalculatorsAgreeWithinTheTable(@ForAll @IntRange(min = 0, max = 92) int n) {
    Position position = Position.of(n);

    FibonacciNumber fromTable = new TableFibonacciCalculator().compute(position);

    assertAllEqual(
        position,
        fromTable,
        List.of(ITERATIVE, DOUBLING, APFLOAT, TIERED, TIERED_WITH_LOW_THRESHOLDS));
  }

  @Property(tries = 300)
  void allCalculatorsAgreeBeyondTheTable(@ForAll @IntRange(min = 93, max = 3_000) int n) {
    Position position = Position.of(n);

    FibonacciNumber fromLoop = ITERATIVE.compute(position);

    assertAllEqual(
        position, fromLoop, List.of(DOUBLING, APFLOAT, TIERED, TIERED_WITH_LOW_THRESHOLDS));
  }

  @Property(tries = 40)
  void bigIntegerAndApfloatAgreeOnLargePositions(
      @ForAll @IntRange(min = 3_000, max = 300_000) int n) {
    Position position = Position.of(n);

    FibonacciNumber fromBigInteger = DOUBLING.compute(position);

    assertAllEqual(position, fromBigInteger, List.of(APFLOAT, TIERED));
  }

  private static void assertAllEqual(
      Position position, FibonacciNumber expected, List<FibonacciCalculator> calculators) {
    for (FibonacciCalculator calculator : calculators) {
      assertThat(calculator.compute(position))
          .as("F(%s) from %s", position, calculator.getClass().getSimpleName())
          .isEqualTo(expected);
    }
  }
}
