package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** The client accepts none of the offered media types. */
public final class NotAcceptableException extends FibonacciException {

  public NotAcceptableException(String detail) {
    super(ErrorCode.NOT_ACCEPTABLE, Map.of(), detail);
  }
}
