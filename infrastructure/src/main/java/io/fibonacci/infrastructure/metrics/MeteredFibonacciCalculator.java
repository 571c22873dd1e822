package io.fibonacci.infrastructure.metrics;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Times every computation ({@code fibonacci_computation_seconds_*} in Prometheus; the count is the
 * number of computations). The histogram buckets span 10 µs to 2 s, the range between a small value
 * and the largest position the service answers.
 */
public final class MeteredFibonacciCalculator implements FibonacciCalculator {

  static final String COMPUTATION = "fibonacci.computation";

  private final FibonacciCalculator delegate;
  private final Timer timer;

  public MeteredFibonacciCalculator(FibonacciCalculator delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.timer =
        Timer.builder(COMPUTATION)
            .description("Computations of Fibonacci numbers (cache misses), by duration")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(2))
            .register(registry);
  }

  @Override
  public FibonacciNumber compute(Position position) {
    return timer.record(() -> delegate.compute(position));
  }
}
