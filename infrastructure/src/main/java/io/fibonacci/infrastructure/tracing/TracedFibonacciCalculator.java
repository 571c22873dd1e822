package io.fibonacci.infrastructure.tracing;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Objects;

/**
 * One span per computation ({@code fibonacci.compute}) inside a trace, with the position and the
 * digit count; computations outside a trace (the cache warm-up) make none.
 */
public final class TracedFibonacciCalculator implements FibonacciCalculator {

  static final String SPAN_NAME = "fibonacci.compute";

  private final FibonacciCalculator delegate;
  private final Tracer tracer;

  public TracedFibonacciCalculator(FibonacciCalculator delegate, Tracer tracer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  public FibonacciNumber compute(Position position) {
    if (!SpanAttributes.insideATrace()) {
      return delegate.compute(position);
    }
    Span span =
        tracer
            .spanBuilder(SPAN_NAME)
            .setAttribute(SpanAttributes.POSITION, (long) position.value())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      FibonacciNumber value = delegate.compute(position);
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
