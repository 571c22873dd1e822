package io.fibonacci.domain.model;

import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import java.util.concurrent.CompletableFuture;

/**
 * Object Mother of Fibonacci numbers for the tests of every module (in the domain's test jar):
 * values from the textbook loop, and the cache loaders tests keep writing.
 */
public final class FibonacciNumbers {

  private static final IterativeFibonacciCalculator REFERENCE = new IterativeFibonacciCalculator();

  private FibonacciNumbers() {}

  /** F(n), computed by the obviously correct loop. */
  public static FibonacciNumber of(int n) {
    return REFERENCE.compute(Position.of(n));
  }

  /** A cache loader that computes the value at once. */
  public static CompletableFuture<FibonacciNumber> computed(Position position) {
    return CompletableFuture.completedFuture(REFERENCE.compute(position));
  }

  /** A cache loader for a value that must already be cached: it fails the lookup. */
  public static CompletableFuture<FibonacciNumber> mustBeCached(Position position) {
    return CompletableFuture.failedFuture(
        new AssertionError("F(" + position.value() + ") was not cached"));
  }
}
