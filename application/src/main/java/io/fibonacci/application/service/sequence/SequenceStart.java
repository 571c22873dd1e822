package io.fibonacci.application.service.sequence;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.calculator.SequenceRun;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.sequence.SequenceOrder;
import io.fibonacci.domain.model.sequence.SequenceRange;
import java.util.concurrent.CompletableFuture;

/**
 * The first two values of a run, from the cache or the calculator as any F(n) (inline when small,
 * else on the compute pool, shed when it is full); the rest come by addition.
 */
public record SequenceStart(FibonacciCache cache, ScheduledCalculator computation) {

  public CompletableFuture<SequenceRun> runOf(SequenceRange range) {
    int start = range.start();
    // Descending from 0 needs no neighbour: F(1) stands in, never used.
    int neighbour = range.order() == SequenceOrder.ASC || start == 0 ? start + 1 : start - 1;
    CompletableFuture<io.fibonacci.domain.model.FibonacciNumber> first =
        cache.get(Position.of(start), computation::compute);
    return first.thenCombine(
        cache.get(Position.of(neighbour), computation::compute),
        (value, next) -> new SequenceRun(value, next, range.order()));
  }
}
