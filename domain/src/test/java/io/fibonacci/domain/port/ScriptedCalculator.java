package io.fibonacci.domain.port;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.function.BiFunction;

/**
 * A calculator whose computation a test writes, handed the monitor it was given: to count
 * computations, fail them, or hold them until the test lets them go.
 */
public final class ScriptedCalculator implements FibonacciCalculator {

  private final BiFunction<Position, ComputationMonitor, FibonacciNumber> computation;

  private ScriptedCalculator(
      BiFunction<Position, ComputationMonitor, FibonacciNumber> computation) {
    this.computation = computation;
  }

  public static FibonacciCalculator of(
      BiFunction<Position, ComputationMonitor, FibonacciNumber> computation) {
    return new ScriptedCalculator(computation);
  }

  @Override
  public FibonacciNumber compute(Position position) {
    return compute(position, ComputationMonitor.NONE);
  }

  @Override
  public FibonacciNumber compute(Position position, ComputationMonitor monitor) {
    return computation.apply(position, monitor);
  }
}
