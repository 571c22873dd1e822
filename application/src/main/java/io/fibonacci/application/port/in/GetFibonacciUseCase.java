package io.fibonacci.application.port.in;

import java.util.concurrent.CompletionStage;

/**
 * Answers F(n) for one client request. The returned stage completes at once for cached and small
 * values, and later, off the caller's thread, for heavy computations.
 *
 * <p>The stage fails with a {@link io.fibonacci.shared.FibonacciException}: an invalid position, a
 * request too costly for any bucket, {@link RateLimitExceededException} or {@link
 * ServerOverloadedException}.
 */
public interface GetFibonacciUseCase {

  CompletionStage<FibonacciResult> get(GetFibonacciQuery query);
}
