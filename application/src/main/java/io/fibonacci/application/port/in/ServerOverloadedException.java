package io.fibonacci.application.port.in;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.OptionalLong;

/** Too many heavy computations are queued; the request is shed rather than left waiting. */
public final class ServerOverloadedException extends FibonacciException {

  private final long retryAfterSeconds;

  public ServerOverloadedException(long retryAfterSeconds) {
    super(
        ErrorCode.SERVER_OVERLOADED,
        "the server is busy with other large computations: retry in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.of(retryAfterSeconds);
  }
}
