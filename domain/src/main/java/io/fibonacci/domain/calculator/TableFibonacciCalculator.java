package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.nio.charset.StandardCharsets;

/**
 * F(0) to F(92), every Fibonacci number that fits in a {@code long}, computed once when the class
 * loads. A lookup allocates nothing: the answers are immutable and shared.
 */
public final class TableFibonacciCalculator implements FibonacciCalculator {

  /** The largest position whose value fits in a signed 64-bit integer: F(93) does not. */
  public static final int MAX_POSITION = 92;

  private static final long[] VALUES = new long[MAX_POSITION + 1];
  private static final FibonacciNumber[] NUMBERS = new FibonacciNumber[MAX_POSITION + 1];

  static {
    VALUES[1] = 1;
    for (int n = 2; n <= MAX_POSITION; n++) {
      VALUES[n] = Math.addExact(VALUES[n - 1], VALUES[n - 2]);
    }
    for (int n = 0; n <= MAX_POSITION; n++) {
      byte[] ascii = Long.toString(VALUES[n]).getBytes(StandardCharsets.US_ASCII);
      NUMBERS[n] = FibonacciNumber.ofAsciiDigits(Position.of(n), ascii);
    }
  }

  /**
   * F(n) as a {@code long}.
   *
   * @throws IllegalArgumentException if n is negative or above {@link #MAX_POSITION}
   */
  public static long valueAt(int n) {
    requireInTable(n);
    return VALUES[n];
  }

  /**
   * @throws IllegalArgumentException if the position is above {@link #MAX_POSITION}
   */
  @Override
  public FibonacciNumber compute(Position position) {
    requireInTable(position.value());
    return NUMBERS[position.value()];
  }

  private static void requireInTable(int n) {
    if (n < 0 || n > MAX_POSITION) {
      throw new IllegalArgumentException(
          "the table holds F(0) to F(" + MAX_POSITION + "), got n = " + n);
    }
  }
}
