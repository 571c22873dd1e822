package io.fibonacci.application.service;

import io.fibonacci.application.port.in.EncodedBody;
import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.shared.Nullable;

/** A value as every in-port delivers it: digits, cost, quotas and the encoded form, if any. */
public final class FibonacciResults {

  private FibonacciResults() {}

  public static FibonacciResult of(
      FibonacciNumber number, long cost, RateLimitStatus status, @Nullable EncodedDigits encoded) {
    return new FibonacciResult(
        number.position().value(),
        number.digits(),
        number.digitCount(),
        cost,
        status,
        encoded == null
            ? null
            : new EncodedBody(
                encoded.coding(), encoded.body(), encoded.digitCount(), encoded.digitsCrc32()));
  }
}
