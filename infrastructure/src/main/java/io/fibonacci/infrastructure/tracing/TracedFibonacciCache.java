package io.fibonacci.infrastructure.tracing;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One span per lookup in a cache tier ({@code cache.get local}, {@code cache.get redis}), from the
 * call to the value, with the position and whether the tier had it. The loader runs inside that
 * span, so a lookup in the next tier and the computation appear as its children even when the
 * loader runs on another thread (a Redis reply arrives on Lettuce's I/O thread). Lookups outside a
 * trace (the cache warm-up at startup) make no span: they would each start a trace of their own.
 */
public final class TracedFibonacciCache implements FibonacciCache {

  private final FibonacciCache delegate;
  private final Tracer tracer;
  private final String spanName;
  private final String tier;

  public TracedFibonacciCache(FibonacciCache delegate, String tier, Tracer tracer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tier = Objects.requireNonNull(tier, "tier");
    this.tracer = Objects.requireNonNull(tracer, "tracer");
    this.spanName = "cache.get " + tier;
  }

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    if (!SpanAttributes.insideATrace()) {
      return delegate.get(position, loader);
    }
    Span span =
        tracer
            .spanBuilder(spanName)
            .setAttribute(SpanAttributes.POSITION, (long) position.value())
            .setAttribute(SpanAttributes.CACHE_TIER, tier)
            .startSpan();
    Context lookup = Context.current().with(span);
    AtomicBoolean loaded = new AtomicBoolean();
    CompletableFuture<FibonacciNumber> result;
    try (Scope ignored = lookup.makeCurrent()) {
      result =
          delegate.get(
              position,
              key -> {
                loaded.set(true);
                try (Scope inLookup = lookup.makeCurrent()) {
                  return loader.apply(key);
                }
              });
    } catch (RuntimeException e) {
      SpanAttributes.fail(span, e);
      span.end();
      throw e;
    }
    return result.whenComplete(
        (value, failure) -> {
          span.setAttribute(SpanAttributes.CACHE_HIT, !loaded.get());
          if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
          }
          span.end();
        });
  }
}
