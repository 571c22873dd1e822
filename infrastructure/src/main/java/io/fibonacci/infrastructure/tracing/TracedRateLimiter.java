package io.fibonacci.infrastructure.tracing;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One span per rate-limit check ({@code rate_limit.acquire}) inside a trace, with the cost and the
 * decision. The decision is handed on within the caller's trace context: a Redis answer arrives on
 * Lettuce's I/O thread, where the rest of the request (cache lookups, computation) would otherwise
 * run outside the trace.
 */
public final class TracedRateLimiter implements RateLimiter {

  static final String SPAN_NAME = "rate_limit.acquire";

  private static final Executor IN_PLACE = Runnable::run;

  private final RateLimiter delegate;
  private final Tracer tracer;

  public TracedRateLimiter(RateLimiter delegate, Tracer tracer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    if (!SpanAttributes.insideATrace()) {
      return delegate.tryAcquire(client, cost);
    }
    Context request = Context.current();
    Span span =
        tracer.spanBuilder(SPAN_NAME).setAttribute(SpanAttributes.REQUEST_COST, cost).startSpan();
    CompletionStage<RateLimitDecision> decision;
    try {
      decision = delegate.tryAcquire(client, cost);
    } catch (RuntimeException e) {
      SpanAttributes.fail(span, e);
      span.end();
      throw e;
    }
    return decision
        .whenComplete(
            (answer, failure) -> {
              if (answer != null) {
                span.setAttribute(SpanAttributes.RATE_LIMIT_ALLOWED, answer.allowed());
              } else {
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
              }
              span.end();
            })
        // Completes the returned stage, and so runs the caller's next steps, in its context.
        .whenCompleteAsync((answer, failure) -> {}, request.wrap(IN_PLACE));
  }

  @Override
  public long maxCost() {
    return delegate.maxCost();
  }
}
