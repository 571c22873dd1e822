package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** The request body is larger than the resource reads. */
public final class BodyTooLargeException extends FibonacciException {

  public BodyTooLargeException(String detail) {
    super(ErrorCode.BODY_TOO_LARGE, Map.of(), detail);
  }
}
