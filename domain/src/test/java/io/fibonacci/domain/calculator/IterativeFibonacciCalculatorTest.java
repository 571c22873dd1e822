package io.fibonacci.domain.calculator;

class IterativeFibonacciCalculatorTest extends FibonacciCalculatorContract {

  /** Quadratic: known values up to 123,456 and random positions up to 3,000 stay cheap. */
  IterativeFibonacciCalculatorTest() {
    super(new IterativeFibonacciCalculator(), 123_456, 3_000);
  }
}
