package io.fibonacci.presentation.http;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;

/** The requested byte range lies outside the representation. */
final class RangeNotSatisfiableException extends FibonacciException {

  RangeNotSatisfiableException(String detail) {
    super(ErrorCode.RANGE_NOT_SATISFIABLE, detail);
  }
}
