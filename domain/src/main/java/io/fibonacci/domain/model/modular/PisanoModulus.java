package io.fibonacci.domain.model.modular;

import io.fibonacci.domain.model.DecimalArgument;
import io.fibonacci.domain.model.InvalidArgumentException;

/** The m whose Pisano period is asked for: 1 to 10^12, small enough to factor by trial division. */
public record PisanoModulus(long value) {

  public static final long MAX = 1_000_000_000_000L;

  static final String ALLOWED = "an integer from 1 to 10^12";

  public PisanoModulus {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("m is from 1 to 10^12, got " + value);
    }
  }

  /**
   * Reads m as a client wrote it.
   *
   * @throws InvalidArgumentException for anything but an integer from 1 to 10^12
   */
  public static PisanoModulus parse(String text) {
    return new PisanoModulus(DecimalArgument.parse("m", text, 1, MAX, ALLOWED));
  }
}
