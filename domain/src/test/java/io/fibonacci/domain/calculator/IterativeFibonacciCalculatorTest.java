package io.fibonacci.domain.calculator;

import io.fibonacci.domain.port.FibonacciCalculator;

class IterativeFibonacciCalculatorTest extends FibonacciCalculatorContract {

  private final IterativeFibonacciCalculator calculator = new IterativeFibonacciCalculator();

  @Override
  protected FibonacciCalculator calculator() {
    return calculator;
  }

  /** Quadratic: 10^5 still takes well under a second. */
  @Override
  protected int knownValuesUpTo() {
    return 123_456;
  }

  @Override
  protected int randomPositionsUpTo() {
    return 3_000;
  }
}
