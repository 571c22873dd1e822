package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Progress and cancellation between doubling steps, on every calculator the service serves. */
class ComputationMonitorTest {

  private static final List<FibonacciCalculator> CALCULATORS =
      List.of(
          new DoublingFibonacciCalculator(),
          new ApfloatFibonacciCalculator(),
          new SizeTieredFibonacciCalculator());

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 10, 93, 1_000, 65_537, 300_000})
  void reportsWorkThatNeverGoesBackAndEndsAtOneWithTheSameValue(int n) {
    for (FibonacciCalculator calculator : CALCULATORS) {
      Recording monitor = new Recording(Integer.MAX_VALUE);

      FibonacciNumber watched = calculator.compute(Position.of(n), monitor);

      assertThat(watched).isEqualTo(calculator.compute(Position.of(n)));
      assertThat(monitor.reported).isNotEmpty().isSorted();
      assertThat(monitor.reported.get(monitor.reported.size() - 1)).isEqualTo(1.0);
      assertThat(monitor.reported).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 300_000})
  void givesTheLastStepsMostOfTheWork(int n) {
    Recording monitor = new Recording(Integer.MAX_VALUE);

    new DoublingFibonacciCalculator().compute(Position.of(n), monitor);

    // Halfway through the steps, far less than half the work is done.
    int steps = monitor.reported.size();
    assertThat(monitor.reported.get(steps / 2)).isLessThan(0.05);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 7})
  void stopsBeforeTheNextStepOnceCancelled(int stepsAllowed) {
    for (FibonacciCalculator calculator : CALCULATORS) {
      Recording monitor = new Recording(stepsAllowed);

      assertThatThrownBy(() -> calculator.compute(Position.of(250_000), monitor))
          .isInstanceOf(CancellationException.class);
      assertThat(monitor.reported).hasSizeLessThanOrEqualTo(stepsAllowed);
    }
  }

  /** Records what it is told, and cancels once {@code allowed} steps have been reported. */
  private static final class Recording implements ComputationMonitor {
    final List<Double> reported = new ArrayList<>();
    private final int allowed;

    Recording(int allowed) {
      this.allowed = allowed;
    }

    @Override
    public void progressed(double fractionOfWork) {
      reported.add(fractionOfWork);
    }

    @Override
    public boolean cancelled() {
      return reported.size() >= allowed;
    }
  }
}
