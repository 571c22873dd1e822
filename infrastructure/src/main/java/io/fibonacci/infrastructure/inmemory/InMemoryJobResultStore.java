package io.fibonacci.infrastructure.inmemory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The values jobs computed, on the heap, for {@code ttl}, within {@code maxBytes} (the least
 * recently used go first: a job's result that was evicted reads as gone, never as wrong).
 */
public final class InMemoryJobResultStore implements JobResultStore {

  private final Cache<Position, FibonacciNumber> values;

  public InMemoryJobResultStore(Duration ttl, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the result store holds at least one byte");
    }
    this.values =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(
                (Position position, FibonacciNumber value) ->
                    (int) Math.min(Integer.MAX_VALUE, value.retainedBytes()))
            .expireAfterWrite(ttl)
            .executor(Runnable::run)
            .build();
  }

  @Override
  public CompletableFuture<Void> save(FibonacciNumber value) {
    values.put(value.position(), value);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Optional<FibonacciNumber>> find(Position position) {
    return CompletableFuture.completedFuture(Optional.ofNullable(values.getIfPresent(position)));
  }
}
