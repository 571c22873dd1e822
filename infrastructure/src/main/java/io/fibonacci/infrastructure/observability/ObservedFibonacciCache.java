package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * What one cache tier shows of itself: its requests as hits and misses ({@code
 * fibonacci_cache_requests_total}), and, when tracing is on, one span per lookup ({@code cache.get
 * local}, {@code cache.get redis}) with the position and whether the tier had it.
 *
 * <p>A request is a miss when this call ran the loader; one that joined a load under way, or found
 * the value, is a hit; each is counted when its value (or failure) is known. The loader runs inside
 * the lookup's span, so the next tier and the computation appear as its children even when the
 * loader runs on another thread (a Redis reply arrives on Lettuce's I/O thread). Lookups outside a
 * trace (the warm-up at startup) make no span: they would each start a trace of their own.
 */
public final class ObservedFibonacciCache implements FibonacciCache {

  static final String REQUESTS = "fibonacci.cache.requests";

  private final FibonacciCache delegate;
  private final String tier;
  private final String spanName;
  private final Counter hits;
  private final Counter misses;
  private final @Nullable Tracer tracer;

  /**
   * @param tracer the tracer of the service's spans, or null when tracing is off (then nothing is
   *     traced and a lookup costs two counter updates more than the tier's own)
   */
  public ObservedFibonacciCache(
      FibonacciCache delegate, String tier, MeterRegistry registry, @Nullable Tracer tracer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tier = Objects.requireNonNull(tier, "tier");
    this.spanName = "cache.get " + tier;
    this.hits = counter(registry, tier, "hit");
    this.misses = counter(registry, tier, "miss");
    this.tracer = tracer;
  }

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    AtomicBoolean loaded = new AtomicBoolean();
    Span span =
        tracer != null && SpanAttributes.insideATrace() ? startSpan(tracer, position) : null;
    if (span == null) {
      return delegate
          .get(
              position,
              key -> {
                loaded.set(true);
                return loader.apply(key);
              })
          .whenComplete((value, failure) -> count(loaded));
    }
    Context lookup = Context.current().with(span);
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
          count(loaded);
          span.setAttribute(SpanAttributes.CACHE_HIT, !loaded.get());
          if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
          }
          span.end();
        });
  }

  private void count(AtomicBoolean loaded) {
    (loaded.get() ? misses : hits).increment();
  }

  private Span startSpan(Tracer spans, Position position) {
    return spans
        .spanBuilder(spanName)
        .setAttribute(SpanAttributes.POSITION, (long) position.value())
        .setAttribute(SpanAttributes.CACHE_TIER, tier)
        .startSpan();
  }

  private static Counter counter(MeterRegistry registry, String tier, String result) {
    return Counter.builder(REQUESTS)
        .description("Requests to a cache tier, by result (miss: the value was computed or loaded)")
        .tag("tier", tier)
        .tag("result", result)
        .register(registry);
  }
}
