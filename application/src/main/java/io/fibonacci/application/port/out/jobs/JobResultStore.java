package io.fibonacci.application.port.out.jobs;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The values jobs computed, by position, kept for the result's time to live within a byte budget:
 * every job for one n shares one stored value. A store that loses a value (evicted, expired) makes
 * the job's result unavailable, never wrong.
 */
public interface JobResultStore {

  CompletableFuture<Void> save(FibonacciNumber value);

  CompletableFuture<Optional<FibonacciNumber>> find(Position position);
}
