package io.fibonacci.domain.model;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * A request parameter whose value is outside what it accepts. Facts: {@link Fact#PARAMETER}, {@link
 * Fact#REASON} (one of the constants below) and {@link Fact#ALLOWED}, the accepted values as a
 * phrase ("an integer from 1 to 10^12").
 */
public final class InvalidArgumentException extends FibonacciException {

  /** No value was given. */
  public static final String MISSING = "missing";

  /** The value is not made of ASCII decimal digits alone. */
  public static final String NOT_DECIMAL = "not-decimal";

  /** The value is below the smallest allowed. */
  public static final String TOO_SMALL = "too-small";

  /** The value is above the largest allowed, or has more digits than allowed. */
  public static final String TOO_LARGE = "too-large";

  /** The value is none of the allowed words. */
  public static final String NOT_A_CHOICE = "not-a-choice";

  public InvalidArgumentException(String parameter, String reason, String allowed) {
    super(
        ErrorCode.INVALID_PARAMETER,
        Map.of(Fact.PARAMETER, parameter, Fact.REASON, reason, Fact.ALLOWED, allowed));
  }
}
