package io.fibonacci.infrastructure.composite;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared limiter with a stand-in: requests are checked by the primary (e.g. Redis) and, when it
 * fails, by the fallback (the per-instance limiter), so an outage of the shared store never fails a
 * request.
 *
 * <p>A circuit breaker watches the primary. Once it has failed often enough the breaker opens and
 * requests go straight to the fallback, without waiting for the primary's timeout; after a pause a
 * few requests probe the primary again, and when they succeed the breaker closes and the primary
 * takes over again by itself. Each change of state is logged once (not per request) and the gauge
 * {@code fibonacci.rate_limit.fallback.active} is 1 while requests may be served by the fallback.
 *
 * <p>While the fallback serves, limits hold per instance instead of across instances: with N
 * instances a client may get up to N times its quota. That is the price of staying available.
 */
public final class FallbackRateLimiter implements RateLimiter {

  static final String FALLBACK_ACTIVE = "fibonacci.rate_limit.fallback.active";

  private static final Logger LOG = LoggerFactory.getLogger(FallbackRateLimiter.class);

  private final RateLimiter primary;
  private final RateLimiter fallback;
  private final CircuitBreaker breaker;

  public FallbackRateLimiter(
      RateLimiter primary, RateLimiter fallback, CircuitBreaker breaker, MeterRegistry registry) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.breaker = Objects.requireNonNull(breaker, "breaker");
    if (primary.maxCost() != fallback.maxCost()) {
      throw new IllegalArgumentException(
          "the primary and the fallback enforce the same policy, but their largest costs differ: "
              + primary.maxCost()
              + " and "
              + fallback.maxCost());
    }
    Gauge.builder(FALLBACK_ACTIVE, this, limiter -> limiter.isFallbackActive() ? 1 : 0)
        .description("1 while rate limits are checked per instance because the shared store fails")
        .register(registry);
    breaker
        .getEventPublisher()
        .onStateTransition(event -> logTransition(event.getStateTransition()));
  }

  @Override
  public long maxCost(ClientKey client) {
    return primary.maxCost(client);
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    if (!breaker.tryAcquirePermission()) {
      return fallback.tryAcquire(client, cost);
    }
    long started = System.nanoTime();
    CompletionStage<RateLimitDecision> checked;
    try {
      checked = primary.tryAcquire(client, cost);
    } catch (RuntimeException e) {
      // An invalid argument, not an outage: the fallback would refuse it just the same.
      breaker.releasePermission();
      throw e;
    }
    return checked
        .handle(
            (decision, failure) -> {
              long elapsed = System.nanoTime() - started;
              if (failure == null) {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                return checked;
              }
              breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
              return fallback.tryAcquire(client, cost);
            })
        .thenCompose(Function.identity());
  }

  @Override
  public long maxCost() {
    return primary.maxCost();
  }

  /** Whether requests may currently be checked by the fallback (the breaker is not closed). */
  public boolean isFallbackActive() {
    return isBypassing(breaker);
  }

  /**
   * Whether calls may currently bypass what the breaker guards: all of them while it is open, some
   * while it probes (half-open). Also what the Redis cache tier's gauge reports.
   */
  public static boolean isBypassing(CircuitBreaker breaker) {
    return switch (breaker.getState()) {
      case CLOSED, DISABLED, METRICS_ONLY -> false;
      default -> true;
    };
  }

  private static void logTransition(CircuitBreaker.StateTransition transition) {
    switch (transition.getToState()) {
      case OPEN, FORCED_OPEN ->
          LOG.warn(
              "Rate limits fall back to this instance: the shared store is failing ({})",
              transition);
      case CLOSED ->
          LOG.info("Rate limits are shared again: the shared store recovered ({})", transition);
      default -> LOG.info("Rate limiter circuit breaker: {}", transition);
    }
  }
}
