package io.fibonacci.application.port.out;

import io.fibonacci.domain.model.Position;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where a computation runs, and when it is shed: a cheap one on the caller's thread (cheaper than a
 * thread hop), a heavy one on a bounded pool that is never the caller's (an event loop, say). Every
 * use case that computes values shares it, so one pool and one shedding rule bound them all.
 */
public interface ComputationScheduler {

  /**
   * Runs {@code computation}, which computes around {@code position}: inline when that is cheap,
   * else on the pool. Empty when the pool is full: the request is shed, nothing was started.
   */
  <T> Optional<CompletableFuture<T>> schedule(Position position, Supplier<T> computation);

  /**
   * Runs {@code computation}, which its caller judged too heavy for its own thread, on the pool.
   * Empty when the pool is full: the request is shed, nothing was started.
   */
  <T> Optional<CompletableFuture<T>> scheduleHeavy(Supplier<T> computation);

  /** How long a shed request should wait before trying again, in whole seconds (at least 1). */
  long retryAfterSecondsWhenShed();
}
