package io.fibonacci.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TracedLookupsTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final Tracer tracer =
      SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(spans))
          .build()
          .get("test");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ObservedFibonacciCache cache =
      new ObservedFibonacciCache(new CaffeineFibonacciCache(1 << 20), "local", registry, tracer);
  private final ObservedFibonacciCalculator calculator =
      new ObservedFibonacciCalculator(
          new SizeTieredFibonacciCalculator(), new SimpleMeterRegistry(), tracer);

  @Test
  void nestsTheComputationInTheLookupThatMissed() {
    Position position = Position.of(1000);

    FibonacciNumber value = insideARequest(() -> computeThroughTheCache(position).join());

    SpanData lookup = named("cache.get local");
    SpanData computation = named("fibonacci.compute");
    assertThat(computation.getParentSpanId()).isEqualTo(lookup.getSpanId());
    assertThat(lookup.getAttributes().get(SpanAttributes.CACHE_HIT)).isFalse();
    assertThat(lookup.getAttributes().get(SpanAttributes.CACHE_TIER)).isEqualTo("local");
    assertThat(computation.getAttributes().get(SpanAttributes.DIGITS))
        .isEqualTo((long) value.digitCount());
  }

  @Test
  void marksALookupWhoseLoadFailedAsAnError() {
    CompletableFuture<FibonacciNumber> result =
        insideARequest(
            () ->
                cache.get(
                    Position.of(2000),
                    key -> CompletableFuture.failedFuture(new IllegalStateException("pool full"))));

    assertThat(result).isCompletedExceptionally();
    SpanData lookup = named("cache.get local");
    assertThat(lookup.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(lookup.hasEnded()).isTrue();
  }

  @Test
  void countsTheLookupItTraces() {
    insideARequest(() -> computeThroughTheCache(Position.of(1500)).join());
    insideARequest(() -> computeThroughTheCache(Position.of(1500)).join());

    assertThat(
            registry.get(ObservedFibonacciCache.REQUESTS).tag("result", "miss").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(ObservedFibonacciCache.REQUESTS).tag("result", "hit").counter().count())
        .isEqualTo(1.0);
    assertThat(spans.getFinishedSpanItems())
        .filteredOn(span -> span.getName().equals("cache.get local"))
        .extracting(span -> span.getAttributes().get(SpanAttributes.CACHE_HIT))
        .containsExactly(false, true);
  }

  @Test
  void makesNoSpanOutsideARequest() {
    computeThroughTheCache(Position.of(3000)).join();

    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  private CompletableFuture<FibonacciNumber> computeThroughTheCache(Position position) {
    return cache.get(position, key -> CompletableFuture.completedFuture(calculator.compute(key)));
  }

  private <T> T insideARequest(Supplier<T> work) {
    Span request = tracer.spanBuilder("request").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      return work.get();
    } finally {
      request.end();
    }
  }

  private SpanData named(String name) {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + spans.getFinishedSpanItems()));
  }
}
