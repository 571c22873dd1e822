package io.fibonacci.application.port.in;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;

/** A request whose cost exceeds what the client's bucket can ever hold: waiting would not help. */
public final class RequestTooCostlyException extends FibonacciException {

  public RequestTooCostlyException(String detail) {
    super(ErrorCode.REQUEST_TOO_COSTLY, detail);
  }
}
