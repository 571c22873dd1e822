package io.fibonacci.application.port.in;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.OptionalLong;

/** The client has used up a quota; it may retry after {@link #retryAfterSeconds()}. */
public final class RateLimitExceededException extends FibonacciException {

  private final RateLimitStatus status;
  private final long retryAfterSeconds;

  public RateLimitExceededException(RateLimitStatus status, long retryAfterSeconds) {
    super(
        ErrorCode.RATE_LIMIT_EXCEEDED, "rate limit exceeded: retry in " + retryAfterSeconds + " s");
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public RateLimitStatus status() {
    return status;
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.of(retryAfterSeconds);
  }
}
