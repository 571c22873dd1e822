package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** The requested byte range lies outside the representation. */
public final class RangeNotSatisfiableException extends FibonacciException {

  public RangeNotSatisfiableException(String detail) {
    super(ErrorCode.RANGE_NOT_SATISFIABLE, Map.of(), detail);
  }
}
