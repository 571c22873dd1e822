package io.fibonacci.application.port.out;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A cache of computed values, possibly one tier of several. Failures of the backing store are
 * misses, never errors: the cache may only make answers faster.
 */
public interface FibonacciCache {

  /**
   * Returns the cached F(n), or loads it with {@code loader} and keeps it. Concurrent calls for the
   * same uncached position share one load (single flight). The returned future fails only when the
   * loader's does.
   */
  CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader);
}
