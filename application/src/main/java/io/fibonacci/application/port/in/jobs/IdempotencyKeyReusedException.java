package io.fibonacci.application.port.in.jobs;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** The client's idempotency key already named another request. */
public final class IdempotencyKeyReusedException extends FibonacciException {

  public IdempotencyKeyReusedException() {
    super(ErrorCode.IDEMPOTENCY_KEY_REUSED, Map.of());
  }
}
