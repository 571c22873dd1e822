package io.fibonacci.infrastructure.testing;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.math.BigInteger;

/** The plainest correct calculator, for tests that need values rather than speed. */
public final class IterativeCalculator implements FibonacciCalculator {

  @Override
  public FibonacciNumber compute(Position position) {
    BigInteger previous = BigInteger.ZERO;
    BigInteger current = BigInteger.ONE;
    for (int i = 0; i < position.value(); i++) {
      BigInteger next = previous.add(current);
      previous = current;
      current = next;
    }
    return FibonacciNumber.of(position, previous);
  }
}
