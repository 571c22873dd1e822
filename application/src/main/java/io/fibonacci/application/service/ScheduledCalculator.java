package io.fibonacci.application.service;

import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.util.concurrent.CompletableFuture;

/**
 * The calculator run where the scheduler says, or refused with 503 when the pool is full: what
 * every use case loads a missing value with.
 */
public record ScheduledCalculator(ComputationScheduler scheduler, FibonacciCalculator calculator) {

  /** F(n), computed inline or on the pool; fails with a shed request's exception when full. */
  public CompletableFuture<FibonacciNumber> compute(Position position) {
    return scheduler
        .schedule(position, () -> calculator.compute(position))
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new ServerOverloadedException(scheduler.retryAfterSecondsWhenShed())));
  }
}
