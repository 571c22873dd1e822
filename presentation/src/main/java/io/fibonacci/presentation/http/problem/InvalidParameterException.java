package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** A request parameter given in a form the API refuses before reading its value. */
public final class InvalidParameterException extends FibonacciException {

  public InvalidParameterException(String detail) {
    super(ErrorCode.INVALID_PARAMETER, Map.of(), detail);
  }
}
