package io.fibonacci.application.service;

import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.out.ComputationScheduler;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work a use case measured itself: done on the caller's thread when it is cheap, else on the
 * compute pool, or refused with 503 when the pool is full (the same shedding as F(n)).
 */
public record HeavyWork(ComputationScheduler scheduler) {

  public HeavyWork {
    Objects.requireNonNull(scheduler, "scheduler");
  }

  public <T> CompletableFuture<T> run(boolean cheap, Supplier<T> work) {
    if (cheap) {
      try {
        return CompletableFuture.completedFuture(work.get());
      } catch (RuntimeException failure) {
        return CompletableFuture.failedFuture(failure);
      }
    }
    return scheduler
        .scheduleHeavy(work)
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new ServerOverloadedException(scheduler.retryAfterSecondsWhenShed())));
  }
}
