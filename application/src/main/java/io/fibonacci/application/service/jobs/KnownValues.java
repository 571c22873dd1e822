package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.model.Position;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Values a job need not wait for: one a job already computed, or one small enough for the
 * synchronous path (from the cache, or computed as a synchronous request would be). A known value
 * is put in the result store, where the job's result is read.
 */
public final class KnownValues {

  private final FibonacciCache cache;
  private final JobResultStore results;
  private final ScheduledCalculator computation;

  public KnownValues(
      FibonacciCache cache, JobResultStore results, ScheduledCalculator computation) {
    this.cache = cache;
    this.results = results;
    this.computation = computation;
  }

  /** The digit count of F(n) when it is known now; empty when a worker must compute it. */
  public CompletableFuture<Optional<Integer>> lookUp(Position position, int synchronousMaxN) {
    return results
        .find(position)
        .thenCompose(
            stored -> {
              if (stored.isPresent()) {
                return CompletableFuture.completedFuture(Optional.of(stored.get().digitCount()));
              }
              if (position.value() > synchronousMaxN) {
                return CompletableFuture.completedFuture(Optional.<Integer>empty());
              }
              return cache
                  .get(position, computation::compute)
                  .thenCompose(value -> results.save(value).thenApply(saved -> value))
                  .thenApply(value -> Optional.of(value.digitCount()))
                  // A shed computation is not an error here: a worker will do it.
                  .exceptionally(shed -> Optional.empty());
            });
  }
}
