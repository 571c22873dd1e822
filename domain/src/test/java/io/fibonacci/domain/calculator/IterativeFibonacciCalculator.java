package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.math.BigInteger;

/**
 * The textbook loop, n additions of growing numbers: quadratic in n. An obviously correct reference
 * for tests and the baseline of the benchmarks, never served: it lives in the domain's test jar
 * ({@code fibonacci-domain:test-jar}), shared by every module's tests.
 */
public final class IterativeFibonacciCalculator implements FibonacciCalculator {

  @Override
  public FibonacciNumber compute(Position position) {
    return FibonacciNumber.of(position, valueAt(position.value()));
  }

  /** F(n) by adding up from F(0) and F(1). */
  public static BigInteger valueAt(int n) {
    BigInteger previous = BigInteger.ZERO;
    BigInteger current = BigInteger.ONE;
    if (n == 0) {
      return previous;
    }
    for (int k = 1; k < n; k++) {
      BigInteger next = previous.add(current);
      previous = current;
      current = next;
    }
    return current;
  }
}
