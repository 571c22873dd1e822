package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.modular.PisanoModulus;
import java.math.BigInteger;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PisanoPeriodCalculatorTest {

  @Test
  void equalsThePeriodFoundByWalkingTheSequenceForEveryMUpTo3000() {
    for (int m = 1; m <= 3_000; m++) {
      assertThat(PisanoPeriodCalculator.compute(new PisanoModulus(m)))
          .as("π(%d)", m)
          .isEqualTo(walkedPeriod(m));
    }
  }

  @Test
  void knowsThePeriodsOfPowersOfTenAndOfTheSpecialPrimes() {
    assertThat(period(1)).isEqualTo(1);
    assertThat(period(2)).isEqualTo(3);
    assertThat(period(5)).isEqualTo(20);
    assertThat(period(10)).isEqualTo(60);
    assertThat(period(100)).isEqualTo(300);
    // π(10^k) = 15 * 10^(k-1) for k >= 3
    assertThat(period(1_000_000_000_000L)).isEqualTo(1_500_000_000_000L);
    // 999,999,999,989 is prime and 4 mod 5: its period divides p - 1
    assertThat((999_999_999_989L - 1) % period(999_999_999_989L)).isZero();
  }

  @Property(tries = 200)
  void isThePeriodAndNoProperDivisorOfItIs(
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long m) {
    long period = period(m);
    BigInteger modulus = BigInteger.valueOf(m);

    assertThat(ModularFibonacciCalculator.isPeriod(BigInteger.valueOf(period), modulus)).isTrue();
    for (long q : PisanoPeriodCalculator.factor(period).keySet()) {
      assertThat(ModularFibonacciCalculator.isPeriod(BigInteger.valueOf(period / q), modulus))
          .as("π(%d) / %d", m, q)
          .isFalse();
    }
    // Known bounds: π(m) <= 6m, and π(m) is even for m > 2.
    assertThat(period).isLessThanOrEqualTo(6 * m);
    if (m > 2) {
      assertThat(period % 2).isZero();
    }
  }

  @Property(tries = 100)
  void isTheLcmOverCoprimeFactors(
      @ForAll @LongRange(min = 1, max = 1_000_000) long a,
      @ForAll @LongRange(min = 1, max = 1_000_000) long b) {
    BigInteger x = BigInteger.valueOf(a);
    BigInteger y = BigInteger.valueOf(b);
    if (!x.gcd(y).equals(BigInteger.ONE)) {
      return;
    }
    BigInteger pa = BigInteger.valueOf(period(a));
    BigInteger pb = BigInteger.valueOf(period(b));

    assertThat(period(a * b)).isEqualTo(pa.multiply(pb).divide(pa.gcd(pb)).longValueExact());
  }

  @Test
  void factorsByTrialDivision() {
    assertThat(PisanoPeriodCalculator.factor(1)).isEmpty();
    assertThat(PisanoPeriodCalculator.factor(360)).isEqualTo(Map.of(2L, 3, 3L, 2, 5L, 1));
    assertThat(PisanoPeriodCalculator.factor(999_999_999_989L))
        .isEqualTo(Map.of(999_999_999_989L, 1));
  }

  private static long period(long m) {
    return PisanoPeriodCalculator.compute(new PisanoModulus(m));
  }

  /** The least k > 0 with F(k) = 0 and F(k + 1) = 1 mod m, by walking the pairs. */
  private static long walkedPeriod(int m) {
    long a = 0;
    long b = 1 % m;
    for (long k = 1; ; k++) {
      long next = (a + b) % m;
      a = b;
      b = next;
      if (a == 0 && b == 1 % m) {
        return k;
      }
    }
  }
}
