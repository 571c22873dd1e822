package io.fibonacci.presentation.http;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;

/** The client accepts none of the offered media types. */
final class NotAcceptableException extends FibonacciException {

  NotAcceptableException(String detail) {
    super(ErrorCode.NOT_ACCEPTABLE, detail);
  }
}
