package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What the rate limiter shows of itself: decisions by outcome and plan ({@code
 * fibonacci_rate_limit_decisions_total{outcome,plan}}, plan {@value #ANONYMOUS} for clients without
 * a credential; the plans are the configured ones, so the labels stay few; a check that fails, such
 * as an unreachable store, is not a decision and is not counted), and, when tracing is on, one span
 * per check ({@code rate_limit.acquire}) with the cost and the decision. The decision is handed on
 * within the caller's trace context: a Redis answer arrives on Lettuce's I/O thread, where the rest
 * of the request would otherwise run outside the trace.
 */
public final class ObservedRateLimiter implements RateLimiter {

  static final String DECISIONS = "fibonacci.rate_limit.decisions";
  static final String SPAN_NAME = "rate_limit.acquire";

  private static final Executor IN_PLACE = Runnable::run;

  private final RateLimiter delegate;

  /** The plan label of clients without a credential. */
  static final String ANONYMOUS = "anonymous";

  private final Map<String, Counter> allowed = new HashMap<>();
  private final Map<String, Counter> rejected = new HashMap<>();
  private final @Nullable Tracer tracer;

  /**
   * @param tracer the tracer of the service's spans, or null when tracing is off
   */
  public ObservedRateLimiter(
      RateLimiter delegate, MeterRegistry registry, @Nullable Tracer tracer) {
    this(delegate, registry, tracer, Set.of());
  }

  /**
   * @param plans the configured plans, each of which gets its own counters
   */
  public ObservedRateLimiter(
      RateLimiter delegate, MeterRegistry registry, @Nullable Tracer tracer, Set<String> plans) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Set<String> labels = new TreeSet<>(plans);
    labels.add(ANONYMOUS);
    for (String plan : labels) {
      allowed.put(plan, counter(registry, "allowed", plan));
      rejected.put(plan, counter(registry, "rejected", plan));
    }
    this.tracer = tracer;
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    if (tracer == null || !SpanAttributes.insideATrace()) {
      return delegate
          .tryAcquire(client, cost)
          .whenComplete((decision, failure) -> count(client, decision));
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
              count(client, answer);
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
  public long maxCost(ClientKey client) {
    return delegate.maxCost(client);
  }

  @Override
  public long maxCost() {
    return delegate.maxCost();
  }

  private void count(ClientKey client, @Nullable RateLimitDecision decision) {
    if (decision != null) {
      Map<String, Counter> counters = decision.allowed() ? allowed : rejected;
      Counter counter =
          counters.getOrDefault(client.plan().orElse(ANONYMOUS), counters.get(ANONYMOUS));
      if (counter != null) {
        counter.increment();
      }
    }
  }

  private static Counter counter(MeterRegistry registry, String outcome, String plan) {
    return Counter.builder(DECISIONS)
        .description("Rate-limit decisions, by outcome and plan")
        .tag("outcome", outcome)
        .tag("plan", plan)
        .register(registry);
  }
}
