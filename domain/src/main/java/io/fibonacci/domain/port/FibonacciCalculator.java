package io.fibonacci.domain.port;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;

/** Computes F(n) exactly. Implementations are pure, thread-safe and never recurse on n. */
public interface FibonacciCalculator {

  FibonacciNumber compute(Position position);
}
