package io.fibonacci.application.port.in;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * The client has used up a quota. Fact: {@link Fact#RETRY_AFTER_SECONDS}; the quotas themselves are
 * in {@link #status()}.
 */
public final class RateLimitExceededException extends FibonacciException {

  private final RateLimitStatus status;

  public RateLimitExceededException(RateLimitStatus status, long retryAfterSeconds) {
    super(ErrorCode.RATE_LIMIT_EXCEEDED, Map.of(Fact.RETRY_AFTER_SECONDS, retryAfterSeconds));
    this.status = status;
  }

  public RateLimitStatus status() {
    return status;
  }
}
