package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.KnownFibonacciValues.KnownValue;
import io.fibonacci.domain.model.modular.LargePosition;
import io.fibonacci.domain.model.modular.Modulus;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ModularFibonacciCalculatorTest {

  @Property(tries = 500)
  void equalsTheFullValueReducedForSmallModuli(
      @ForAll @IntRange(min = 0, max = 3_000) int n,
      @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long m) {
    BigInteger expected = IterativeFibonacciCalculator.valueAt(n).mod(BigInteger.valueOf(m));

    BigInteger actual = ModularFibonacciCalculator.compute(LargePosition.of(n), Modulus.of(m));

    assertThat(actual).isEqualTo(expected);
  }

  @Property(tries = 300)
  void equalsTheFullValueReducedForModuliOfManyWords(
      @ForAll @IntRange(min = 0, max = 3_000) int n,
      @ForAll @IntRange(min = 32, max = 2_000) int modulusBits,
      @ForAll @LongRange(min = 0) long seed) {
    BigInteger m = new BigInteger(modulusBits, new java.util.Random(seed)).setBit(modulusBits - 1);
    BigInteger expected = IterativeFibonacciCalculator.valueAt(n).mod(m);

    BigInteger actual = ModularFibonacciCalculator.compute(LargePosition.of(n), new Modulus(m));

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void givesTheLastTwentyDigitsOfEveryKnownValueUpTo10To8() {
    Modulus tenTo20 = new Modulus(BigInteger.TEN.pow(20));
    for (KnownValue known : KnownFibonacciValues.all()) {
      BigInteger lastDigits = new BigInteger(known.last20());

      BigInteger actual = ModularFibonacciCalculator.compute(LargePosition.of(known.n()), tenTo20);

      assertThat(actual).as("F(%d) mod 10^20", known.n()).isEqualTo(lastDigits);
    }
  }

  @Test
  void reducesPositionsFarBeyondAnyComputableValue() {
    LargePosition tenTo18 = new LargePosition(BigInteger.TEN.pow(18));
    LargePosition pisanoMultiple =
        new LargePosition(
            BigInteger.valueOf(60).multiply(BigInteger.TEN.pow(999).add(BigInteger.ONE)));

    assertThat(ModularFibonacciCalculator.compute(tenTo18, Modulus.of(1_000_000_007)))
        .isEqualTo(BigInteger.valueOf(209_783_453));
    // π(10) = 60: every multiple of 60 is 0 mod 10, whatever its size.
    assertThat(ModularFibonacciCalculator.compute(pisanoMultiple, Modulus.of(10)))
        .isEqualTo(BigInteger.ZERO);
    assertThat(ModularFibonacciCalculator.compute(tenTo18, Modulus.of(1)))
        .isEqualTo(BigInteger.ZERO);
  }

  @Test
  void agreesAcrossTheLongAndTheBigIntegerPaths() {
    LargePosition n = new LargePosition(BigInteger.TEN.pow(500).add(BigInteger.valueOf(12_345)));
    BigInteger below = BigInteger.valueOf((1L << 31) - 1);
    BigInteger square = below.multiply(below);

    BigInteger viaLongs = ModularFibonacciCalculator.compute(n, new Modulus(below));
    BigInteger viaSquare = ModularFibonacciCalculator.compute(n, new Modulus(square));

    assertThat(viaSquare.mod(below)).isEqualTo(viaLongs);
  }

  @Test
  void measuresWorkByTheBitsOfNAndTheWordsOfM() {
    Modulus oneWord = Modulus.of(1_000_000_007);
    Modulus twoWords = new Modulus(BigInteger.ONE.shiftLeft(40));

    assertThat(ModularFibonacciCalculator.work(LargePosition.of(1L << 59), oneWord)).isEqualTo(60);
    assertThat(ModularFibonacciCalculator.work(LargePosition.of(1L << 59), twoWords))
        .isEqualTo(240);
    assertThat(ModularFibonacciCalculator.work(LargePosition.of(0), oneWord)).isEqualTo(1);
  }
}
