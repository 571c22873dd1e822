package io.fibonacci.application.port.in;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * Too many heavy computations are queued; the request is shed rather than left waiting. Fact:
 * {@link Fact#RETRY_AFTER_SECONDS}.
 */
public final class ServerOverloadedException extends FibonacciException {

  public ServerOverloadedException(long retryAfterSeconds) {
    super(ErrorCode.SERVER_OVERLOADED, Map.of(Fact.RETRY_AFTER_SECONDS, retryAfterSeconds));
  }
}
