package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fibonacci.domain.calculator.KnownFibonacciValues.KnownValue;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every {@link FibonacciCalculator} must do, checked against the shared table of known values
 * and the Fibonacci identities. Each calculator's test extends this and says how far to go.
 */
abstract class FibonacciCalculatorContract {

  private final FibonacciCalculator calculator;
  private final int knownValuesUpTo;
  private final int randomPositionsUpTo;

  /**
   * @param calculator the calculator under test, shared by all tests of the class
   * @param knownValuesUpTo the largest position of the known-values table to check (larger rows are
   *     skipped)
   * @param randomPositionsUpTo the largest position the random properties use; keep it cheap for
   *     slow calculators
   */
  protected FibonacciCalculatorContract(
      FibonacciCalculator calculator, int knownValuesUpTo, int randomPositionsUpTo) {
    this.calculator = calculator;
    this.knownValuesUpTo = knownValuesUpTo;
    this.randomPositionsUpTo = randomPositionsUpTo;
  }

  /** A contract whose random properties go up to 20,000. */
  protected FibonacciCalculatorContract(FibonacciCalculator calculator, int knownValuesUpTo) {
    this(calculator, knownValuesUpTo, 20_000);
  }

  protected final FibonacciCalculator calculator() {
    return calculator;
  }

  private int knownValuesUpTo() {
    return knownValuesUpTo;
  }

  private int randomPositionsUpTo() {
    return randomPositionsUpTo;
  }

  @TestFactory
  Stream<DynamicTest> matchesEveryKnownValueInItsRange() {
    return KnownFibonacciValues.upTo(knownValuesUpTo()).stream()
        .map(
            known ->
                DynamicTest.dynamicTest(
                    "F(" + known.n() + ")", () -> assertMatches(compute(known.n()), known)));
  }

  @Test
  void millionthNumberHas208988DigitsWithTheKnownEnds() {
    assumeTrue(knownValuesUpTo() >= 1_000_000, "F(10^6) is out of this calculator's range");

    FibonacciNumber millionth = compute(1_000_000);

    assertThat(millionth.digitCount()).isEqualTo(208_988);
    assertThat(first20(millionth)).isEqualTo(KnownFibonacciValues.at(1_000_000).first20());
    assertThat(last20(millionth)).isEqualTo(KnownFibonacciValues.at(1_000_000).last20());
  }

  @Test
  void answersForThePositionItWasAskedFor() {
    Position position = Position.of(42);

    FibonacciNumber number = calculator().compute(position);

    assertThat(number.position()).isEqualTo(position);
    assertThat(number.decimal()).isEqualTo("267914296");
  }

  @Property(tries = 200)
  void evenPositionIdentityHolds(@ForAll("halfPositions") int k) {
    BigInteger fk = value(k);
    BigInteger fk1 = value(k + 1);

    BigInteger f2k = value(2 * k);

    assertThat(f2k).isEqualTo(fk.multiply(fk1.shiftLeft(1).subtract(fk)));
  }

  @Property(tries = 200)
  void oddPositionIdentityHolds(@ForAll("halfPositions") int k) {
    BigInteger fk = value(k);
    BigInteger fk1 = value(k + 1);

    BigInteger f2k1 = value(2 * k + 1);

    assertThat(f2k1).isEqualTo(fk.multiply(fk).add(fk1.multiply(fk1)));
  }

  @Property(tries = 200)
  void cassiniIdentityHolds(@ForAll("innerPositions") int n) {
    BigInteger before = value(n - 1);
    BigInteger at = value(n);
    BigInteger after = value(n + 1);

    BigInteger cassini = before.multiply(after).subtract(at.multiply(at));

    assertThat(cassini).isEqualTo(n % 2 == 0 ? BigInteger.ONE : BigInteger.ONE.negate());
  }

  /** k such that 2k + 1 is within range. */
  @Provide
  Arbitrary<Integer> halfPositions() {
    return Arbitraries.integers().between(0, (randomPositionsUpTo() - 1) / 2);
  }

  /** n such that n - 1 and n + 1 are within range. */
  @Provide
  Arbitrary<Integer> innerPositions() {
    return Arbitraries.integers().between(1, randomPositionsUpTo() - 1);
  }

  protected FibonacciNumber compute(int n) {
    return calculator().compute(Position.of(n));
  }

  private BigInteger value(int n) {
    return new BigInteger(compute(n).decimal());
  }

  static void assertMatches(FibonacciNumber actual, KnownValue known) {
    assertThat(actual.position()).isEqualTo(Position.of(known.n()));
    assertThat(actual.digitCount()).as("digit count of F(%d)", known.n()).isEqualTo(known.digits());
    assertThat(first20(actual)).as("first digits of F(%d)", known.n()).isEqualTo(known.first20());
    assertThat(last20(actual)).as("last digits of F(%d)", known.n()).isEqualTo(known.last20());
    assertThat(sha256(actual)).as("SHA-256 of F(%d)", known.n()).isEqualTo(known.sha256());
    known.value().ifPresent(value -> assertThat(actual.decimal()).isEqualTo(value));
  }

  static String first20(FibonacciNumber number) {
    ByteBuffer digits = number.digits();
    return ascii(digits.limit(Math.min(20, digits.remaining())));
  }

  static String last20(FibonacciNumber number) {
    ByteBuffer digits = number.digits();
    return ascii(digits.position(Math.max(0, digits.remaining() - 20)));
  }

  static String sha256(FibonacciNumber number) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(number.digits());
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  private static String ascii(ByteBuffer digits) {
    return StandardCharsets.US_ASCII.decode(digits).toString();
  }
}
