package io.fibonacci.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ObservedFibonacciCalculatorTest {

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final IterativeFibonacciCalculator calculator = new IterativeFibonacciCalculator();

  @Test
  void registersTheTimerBeforeTheFirstComputation() {
    new ObservedFibonacciCalculator(calculator, registry, null);

    assertThat(timer().count()).isZero();
  }

  @Test
  void timesEachComputationAndReturnsItsValue() {
    ObservedFibonacciCalculator metered =
        new ObservedFibonacciCalculator(
            position -> {
              clock.add(Duration.ofMillis(3));
              return calculator.compute(position);
            },
            registry,
            null);

    FibonacciNumber value = metered.compute(Position.of(10));
    metered.compute(Position.of(11));

    assertThat(value.decimal()).isEqualTo("55");
    assertThat(timer().count()).isEqualTo(2);
    assertThat(timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6);
  }

  @Test
  void publishesHistogramBucketsFromTenMicrosecondsToTwoSeconds() {
    new ObservedFibonacciCalculator(calculator, registry, null);

    CountAtBucket[] buckets = timer().takeSnapshot().histogramCounts();

    assertThat(buckets).hasSizeGreaterThan(10);
    assertThat(buckets[0].bucket(TimeUnit.MICROSECONDS)).isEqualTo(10);
    assertThat(buckets[buckets.length - 1].bucket(TimeUnit.SECONDS)).isEqualTo(2);
  }

  private Timer timer() {
    return registry.get("fibonacci.computation").timer();
  }
}
