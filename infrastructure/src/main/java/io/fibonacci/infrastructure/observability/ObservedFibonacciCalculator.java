package io.fibonacci.infrastructure.observability;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Objects;

/**
 * What the calculator shows of itself: every computation timed ({@code
 * fibonacci_computation_seconds_*}; the count is the number of computations), and, when tracing is
 * on, one span per computation inside a trace ({@code fibonacci.compute}) with the position and the
 * digit count; computations outside a trace (the warm-up) make none.
 *
 * <p>The histogram has fixed buckets from 10 µs to 2 s, the range between a small value and the
 * largest position the service answers: about three per decade, few enough to keep the series count
 * low, and the same on every instance so they can be summed.
 */
public final class ObservedFibonacciCalculator implements FibonacciCalculator {

  static final String COMPUTATION = "fibonacci.computation";
  static final String SPAN_NAME = "fibonacci.compute";

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
  private final @Nullable Tracer tracer;

  /**
   * @param tracer the tracer of the service's spans, or null when tracing is off
   */
  public ObservedFibonacciCalculator(
      FibonacciCalculator delegate, MeterRegistry registry, @Nullable Tracer tracer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.timer =
        Timer.builder(COMPUTATION)
            .description("Computations of Fibonacci numbers (cache misses), by duration")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    this.tracer = tracer;
  }

  @Override
  public FibonacciNumber compute(Position position) {
    return compute(position, ComputationMonitor.NONE);
  }

  @Override
  public FibonacciNumber compute(Position position, ComputationMonitor monitor) {
    if (tracer == null || !SpanAttributes.insideATrace()) {
      return timer.record(() -> delegate.compute(position, monitor));
    }
    Span span =
        tracer
            .spanBuilder(SPAN_NAME)
            .setAttribute(SpanAttributes.POSITION, (long) position.value())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      FibonacciNumber value = timer.record(() -> delegate.compute(position, monitor));
      span.setAttribute(SpanAttributes.DIGITS, (long) value.digitCount());
      return value;
    } catch (RuntimeException e) {
      SpanAttributes.fail(span, e);
      throw e;
    } finally {
      span.end();
    }
  }
}
