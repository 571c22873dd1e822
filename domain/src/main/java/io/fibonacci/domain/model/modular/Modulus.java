package io.fibonacci.domain.model.modular;

import io.fibonacci.domain.model.DecimalArgument;
import io.fibonacci.domain.model.InvalidArgumentException;
import java.math.BigInteger;
import java.util.Objects;

/** The m of F(n) mod m: an integer from 1 to 10^1000 - 1. */
public record Modulus(BigInteger value) {

  /** The most decimal digits m may have. */
  public static final int MAX_DIGITS = 1000;

  static final String ALLOWED = "an integer from 1 to 10^1000 - 1 (at most 1000 decimal digits)";

  public Modulus {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 1) {
      throw new IllegalArgumentException("a modulus is at least 1, got " + value);
    }
  }

  public static Modulus of(long value) {
    return new Modulus(BigInteger.valueOf(value));
  }

  /**
   * Reads m as a client wrote it.
   *
   * @throws InvalidArgumentException for anything but 1 to 1000 decimal digits worth at least 1
   */
  public static Modulus parse(String text) {
    BigInteger value = DecimalArgument.parse("m", text, MAX_DIGITS, ALLOWED);
    if (value.signum() == 0) {
      throw new InvalidArgumentException("m", InvalidArgumentException.TOO_SMALL, ALLOWED);
    }
    return new Modulus(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
