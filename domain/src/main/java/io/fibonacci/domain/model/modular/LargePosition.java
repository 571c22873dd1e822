package io.fibonacci.domain.model.modular;

import io.fibonacci.domain.model.DecimalArgument;
import io.fibonacci.domain.model.InvalidArgumentException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A position far beyond what can be computed in full, for values reduced modulo m: an integer from
 * 0 to 10^1000 - 1.
 */
public record LargePosition(BigInteger value) {

  /** The most decimal digits n may have. */
  public static final int MAX_DIGITS = 1000;

  static final String ALLOWED = "an integer from 0 to 10^1000 - 1 (at most 1000 decimal digits)";

  public LargePosition {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a position is non-negative, got " + value);
    }
  }

  public static LargePosition of(long value) {
    return new LargePosition(BigInteger.valueOf(value));
  }

  /**
   * Reads n as a client wrote it.
   *
   * @throws InvalidArgumentException for anything but 1 to 1000 decimal digits
   */
  public static LargePosition parse(String text) {
    return new LargePosition(DecimalArgument.parse("n", text, MAX_DIGITS, ALLOWED));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
