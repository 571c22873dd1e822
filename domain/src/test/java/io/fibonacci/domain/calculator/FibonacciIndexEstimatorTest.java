package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.KnownFibonacciValues.KnownValue;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.index.CandidateValue;
import io.fibonacci.domain.model.index.FibonacciIndex;
import io.fibonacci.domain.model.index.FibonacciIndex.Between;
import io.fibonacci.domain.model.index.FibonacciIndex.Exact;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FibonacciIndexEstimatorTest {

  @Property(tries = 400)
  void invertsFAndPlacesItsNeighboursBetweenTheRightPositions(
      @ForAll @IntRange(min = 5, max = 30_000) int n) {
    BigInteger value = IterativeFibonacciCalculator.valueAt(n);

    assertThat(indexOf(value)).isEqualTo(new Exact(n));
    assertThat(indexOf(value.add(BigInteger.ONE))).isEqualTo(new Between(n, n + 1));
    assertThat(indexOf(value.subtract(BigInteger.ONE))).isEqualTo(new Between(n - 1, n));
  }

  @Test
  void answersTheSmallValuesFromTheTable() {
    assertThat(indexOf(BigInteger.ZERO)).isEqualTo(new Exact(0));
    assertThat(indexOf(BigInteger.ONE)).isEqualTo(new Exact(1));
    assertThat(indexOf(BigInteger.TWO)).isEqualTo(new Exact(3));
    assertThat(indexOf(BigInteger.valueOf(4))).isEqualTo(new Between(4, 5));
    assertThat(indexOf(BigInteger.valueOf(144))).isEqualTo(new Exact(12));
    assertThat(indexOf(new BigInteger("999999999999999999"))).isEqualTo(new Between(87, 88));
    assertThat(indexOf(new BigInteger("1000000000000000000"))).isEqualTo(new Between(87, 88));
  }

  @Test
  void placesValuesMidwayBetweenTwoFibonacciNumbers() {
    for (int n = 90; n < 3_000; n += 97) {
      BigInteger low = IterativeFibonacciCalculator.valueAt(n);
      BigInteger high = IterativeFibonacciCalculator.valueAt(n + 1);
      BigInteger geometricMiddle = low.multiply(high).sqrt();

      assertThat(indexOf(geometricMiddle)).isEqualTo(new Between(n, n + 1));
      assertThat(indexOf(low.add(high).shiftRight(1))).isEqualTo(new Between(n, n + 1));
    }
  }

  @Test
  void countsTheDigitsOfEveryKnownValue() {
    for (KnownValue known : KnownFibonacciValues.all()) {
      assertThat(FibonacciIndexEstimator.digitCountAt(known.n()))
          .as("digits of F(%d)", known.n())
          .isEqualTo(known.digits());
    }
  }

  private static FibonacciIndex indexOf(BigInteger value) {
    CandidateValue candidate = CandidateValue.parse(value.toString(), 1_000_000);
    return FibonacciIndexEstimator.small(candidate)
        .orElseGet(
            () -> {
              int n = Math.toIntExact(FibonacciIndexEstimator.candidate(candidate));
              FibonacciNumber exact =
                  FibonacciNumber.of(Position.of(n), IterativeFibonacciCalculator.valueAt(n));
              return FibonacciIndexEstimator.resolve(candidate, exact);
            });
  }
}
