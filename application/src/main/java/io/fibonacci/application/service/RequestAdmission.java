package io.fibonacci.application.service;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Charges a client for a request before any work is done: the cost, capped at what the client's
 * bucket can ever hold (so a costly request drains the bucket instead of never passing), or a
 * {@link RateLimitExceededException} when a quota is spent.
 */
public record RequestAdmission(RateLimiter rateLimiter) {

  /** An admitted request: what it was charged and the client's quotas afterwards. */
  public record Admitted(long cost, RateLimitStatus rateLimit) {}

  public RequestAdmission {
    Objects.requireNonNull(rateLimiter, "rateLimiter");
  }

  /**
   * Charges the client, then does {@code work}. A refusal completes the result as it is: chaining
   * with {@code thenCompose} would wrap it in a {@code CompletionException}, a stack trace per 429.
   */
  public <T> CompletableFuture<T> admitThen(
      ClientKey client, long cost, Function<Admitted, CompletableFuture<T>> work) {
    return chargeThen(client, Math.min(Math.max(1, cost), rateLimiter.maxCost(client)), work);
  }

  /**
   * As {@link #admitThen}, for a cost the caller has already checked against the client's largest
   * (at least 1, at most {@link RateLimiter#maxCost}): charged as it is, without asking the limiter
   * for that largest a second time.
   */
  public <T> CompletableFuture<T> chargeThen(
      ClientKey client, long charged, Function<Admitted, CompletableFuture<T>> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    rateLimiter
        .tryAcquire(client, charged)
        .whenComplete(
            (decision, failure) -> {
              if (failure != null) {
                result.completeExceptionally(failure);
                return;
              }
              RateLimitStatus status = RateLimitStatuses.of(decision.quotas());
              if (!decision.allowed()) {
                result.completeExceptionally(
                    new RateLimitExceededException(status, decision.retryAfterSeconds()));
                return;
              }
              CompletableFuture<T> done;
              try {
                done = work.apply(new Admitted(charged, status));
              } catch (RuntimeException broken) {
                result.completeExceptionally(broken);
                return;
              }
              done.whenComplete(
                  (value, error) -> {
                    if (error != null) {
                      result.completeExceptionally(error);
                    } else {
                      result.complete(value);
                    }
                  });
            });
    return result;
  }
}
