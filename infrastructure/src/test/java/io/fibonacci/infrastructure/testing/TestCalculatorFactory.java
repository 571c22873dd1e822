package io.fibonacci.infrastructure.testing;

import io.fibonacci.domain.port.FibonacciCalculator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Stands in for the calculator bean that the application's own factory provides. */
@Factory
public class TestCalculatorFactory {

  @Singleton
  FibonacciCalculator calculator() {
    return new IterativeCalculator();
  }
}
