package io.fibonacci.domain.port;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;

/** Computes F(n) exactly. Implementations are pure, thread-safe and never recurse on n. */
public interface FibonacciCalculator {

  FibonacciNumber compute(Position position);

  /**
   * F(n), reporting progress to {@code monitor} and stopping with a {@link
   * java.util.concurrent.CancellationException} between steps once it asks to. Calculators whose
   * work is too short to be worth watching report completion only.
   */
  default FibonacciNumber compute(Position position, ComputationMonitor monitor) {
    if (monitor.cancelled()) {
      throw new java.util.concurrent.CancellationException("cancelled before it started");
    }
    FibonacciNumber value = compute(position);
    monitor.progressed(1.0);
    return value;
  }
}
