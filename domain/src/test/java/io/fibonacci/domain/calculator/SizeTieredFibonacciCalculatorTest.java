package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import org.junit.jupiter.api.Test;

class SizeTieredFibonacciCalculatorTest extends FibonacciCalculatorContract {

  private static final SizeTieredFibonacciCalculator CALCULATOR =
      new SizeTieredFibonacciCalculator();

  SizeTieredFibonacciCalculatorTest() {
    super(CALCULATOR, 10_000_000);
  }

  @Test
  void answersFromTheTableUpToItsLastEntry() {
    FibonacciCalculator chosen = CALCULATOR.calculatorFor(Position.of(92));

    assertThat(chosen).isInstanceOf(TableFibonacciCalculator.class);
  }

  @Test
  void doublesWithBigIntegerJustBeyondTheTable() {
    FibonacciCalculator chosen = CALCULATOR.calculatorFor(Position.of(93));

    assertThat(chosen).isInstanceOf(DoublingFibonacciCalculator.class);
  }

  @Test
  void doublesWithBigIntegerJustBelowTheApfloatThreshold() {
    int justBelow = SizeTieredFibonacciCalculator.APFLOAT_FROM - 1;

    FibonacciCalculator chosen = CALCULATOR.calculatorFor(Position.of(justBelow));

    assertThat(chosen).isInstanceOf(DoublingFibonacciCalculator.class);
  }

  @Test
  void switchesToApfloatAtItsThreshold() {
    int threshold = SizeTieredFibonacciCalculator.APFLOAT_FROM;

    FibonacciCalculator chosen = CALCULATOR.calculatorFor(Position.of(threshold));

    assertThat(chosen).isInstanceOf(ApfloatFibonacciCalculator.class);
  }

  @Test
  void followsThresholdsGivenToIt() {
    SizeTieredFibonacciCalculator custom = new SizeTieredFibonacciCalculator(10, 20);

    FibonacciCalculator atTen = custom.calculatorFor(Position.of(10));
    FibonacciCalculator atEleven = custom.calculatorFor(Position.of(11));
    FibonacciCalculator atTwenty = custom.calculatorFor(Position.of(20));

    assertThat(atTen).isInstanceOf(TableFibonacciCalculator.class);
    assertThat(atEleven).isInstanceOf(DoublingFibonacciCalculator.class);
    assertThat(atTwenty).isInstanceOf(ApfloatFibonacciCalculator.class);
  }

  @Test
  void canDoWithoutTheTable() {
    SizeTieredFibonacciCalculator custom = new SizeTieredFibonacciCalculator(-1, 20);

    FibonacciCalculator atZero = custom.calculatorFor(Position.of(0));

    assertThat(atZero).isInstanceOf(DoublingFibonacciCalculator.class);
  }

  @Test
  void rejectsATableThresholdBeyondTheTable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SizeTieredFibonacciCalculator(93, 1_000));
  }

  @Test
  void rejectsAnApfloatThresholdInsideTheTableRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SizeTieredFibonacciCalculator(50, 50));
  }
}
