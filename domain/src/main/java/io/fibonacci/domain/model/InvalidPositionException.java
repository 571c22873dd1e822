package io.fibonacci.domain.model;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;

/** A position that is not a plain decimal integer within the allowed range. */
public final class InvalidPositionException extends FibonacciException {

  public InvalidPositionException(String detail) {
    super(ErrorCode.INVALID_POSITION, detail);
  }
}
