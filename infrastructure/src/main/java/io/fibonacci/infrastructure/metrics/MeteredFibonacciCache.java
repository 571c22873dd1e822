package io.fibonacci.infrastructure.metrics;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Counts the requests to one cache tier as hits and misses ({@code fibonacci_cache_requests_total}
 * in Prometheus). A request is a miss when this call ran the loader; a request that joined a load
 * already under way, or found the value, is a hit. Each request is counted when its value (or
 * failure) is known.
 */
public final class MeteredFibonacciCache implements FibonacciCache {

  static final String REQUESTS = "fibonacci.cache.requests";

  private final FibonacciCache delegate;
  private final Counter hits;
  private final Counter misses;

  public MeteredFibonacciCache(FibonacciCache delegate, String tier, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(tier, "tier");
    this.hits = counter(registry, tier, "hit");
    this.misses = counter(registry, tier, "miss");
  }

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    AtomicBoolean loaded = new AtomicBoolean();
    CompletableFuture<FibonacciNumber> result =
        delegate.get(
            position,
            key -> {
              loaded.set(true);
              return loader.apply(key);
            });
    return result.whenComplete((value, failure) -> (loaded.get() ? misses : hits).increment());
  }

  private static Counter counter(MeterRegistry registry, String tier, String result) {
    return Counter.builder(REQUESTS)
        .description("Requests to a cache tier, by result (miss: the value was computed or loaded)")
        .tag("tier", tier)
        .tag("result", result)
        .register(registry);
  }
}
