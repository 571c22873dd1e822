package io.fibonacci.application.port.out;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a client may spend {@code cost} tokens now. Every configured limit must allow the
 * request, and a rejected request consumes nothing.
 */
public interface RateLimiter {

  CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost);

  /**
   * The largest cost that can ever be granted to an anonymous client (the bucket capacity);
   * unlimited when off.
   */
  long maxCost();

  /** The largest cost that can ever be granted to this client: its plan's bucket capacity. */
  default long maxCost(ClientKey client) {
    return maxCost();
  }
}
