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
 * number of computations). The histogram has fixed buckets from 10 µs to 2 s, the range between a
 * small value and the largest position the service answers: about three per decade, few enough to
 * keep the series count low, and the same on every instance so they can be summed.
 */
public final class MeteredFibonacciCalculator implements FibonacciCalculator {

  static final String COMPUTATION = "fibonacci.computation";

  private static final Duration[] BUCKETS = {
    Duration.ofNanos(10_000),
    Duration.ofNanos(25_000),
    Duration.ofNanos(50_000),
    Duration.ofNanos(100_000),
    Duration.ofNanos(250_000),
    Duration.ofNanos(500_000),
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2)
  };

  private final FibonacciCalculator delegate;
  private final Timer timer;

  public MeteredFibonacciCalculator(FibonacciCalculator delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.timer =
        Timer.builder(COMPUTATION)
            .description("Computations of Fibonacci numbers (cache misses), by duration")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
  }

  @Override
  public FibonacciNumber compute(Position position) {
    return timer.record(() -> delegate.compute(position));
  }
}
