package io.fibonacci.domain.model;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * A position that is not a plain decimal integer within the allowed range. Facts: {@link
 * Fact#REASON} ({@link #MISSING}, {@link #NOT_DECIMAL} or {@link #TOO_LARGE}) and {@link
 * Fact#MAXIMUM}, the largest position allowed.
 */
public final class InvalidPositionException extends FibonacciException {

  /** No position was given. */
  public static final String MISSING = "missing";

  /** The position is not made of ASCII decimal digits alone. */
  public static final String NOT_DECIMAL = "not-decimal";

  /** The position is above the maximum. */
  public static final String TOO_LARGE = "too-large";

  public InvalidPositionException(String reason, int maximum) {
    super(ErrorCode.INVALID_POSITION, Map.of(Fact.REASON, reason, Fact.MAXIMUM, maximum));
  }
}
