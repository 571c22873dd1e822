package io.fibonacci.presentation.http;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;

/** A request parameter given in a form the API refuses before reading its value. */
final class InvalidParameterException extends FibonacciException {

  InvalidParameterException(String detail) {
    super(ErrorCode.INVALID_PARAMETER, detail);
  }
}
