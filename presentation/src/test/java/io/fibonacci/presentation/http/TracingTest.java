package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fibonacci.presentation.tracing.InMemorySpans;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@MicronautTest
@Property(name = "micronaut.otel.enabled", value = "true")
@Property(name = "otel.traces.exporter", value = "none")
@Property(name = InMemorySpans.PROPERTY, value = InMemorySpans.VALUE)
class TracingTest {

  private static final AttributeKey<Long> POSITION = AttributeKey.longKey("fibonacci.n");
  private static final AttributeKey<Long> DIGITS = AttributeKey.longKey("fibonacci.digits");
  private static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("cache.hit");
  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Inject EmbeddedServer server;
  @Inject InMemorySpanExporter spans;

  private final Logger access = (Logger) LoggerFactory.getLogger("io.fibonacci.access");
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final OpenTelemetryAppender traceIds = new OpenTelemetryAppender();

  @BeforeEach
  void captureTheAccessLogThroughTheTraceIdAppender() {
    spans.reset();
    captured.start();
    traceIds.addAppender(captured);
    traceIds.start();
    access.addAppender(traceIds);
    access.setLevel(Level.INFO);
  }

  @AfterEach
  void releaseTheAccessLog() {
    access.detachAppender(traceIds);
    access.setLevel(Level.OFF);
  }

  @Test
  void tracesTheComputationAsAChildOfTheCacheLookupInsideTheServerSpan() {
    var response = new HttpProbe(server).get("/api/v1/fibonacci/250001");

    List<SpanData> trace = awaitSpans(3);
    SpanData serverSpan = only(trace, span -> span.getKind() == SpanKind.SERVER);
    SpanData lookup = only(trace, span -> span.getName().equals("cache.get local"));
    SpanData computation = only(trace, span -> span.getName().equals("fibonacci.compute"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(trace).allMatch(span -> span.getTraceId().equals(serverSpan.getTraceId()));
    assertThat(computation.getParentSpanId()).isEqualTo(lookup.getSpanId());
    assertThat(lookup.getAttributes().get(POSITION)).isEqualTo(250_001L);
    assertThat(lookup.getAttributes().get(CACHE_HIT)).isFalse();
    assertThat(computation.getAttributes().get(DIGITS))
        .isEqualTo(Long.parseLong(response.body().replaceAll(".*\"digits\":(\\d+).*", "$1")));
  }

  @Test
  void marksACachedAnswerAsAHitWithoutAComputationSpan() {
    var probe = new HttpProbe(server);
    probe.get("/api/v1/fibonacci/120000");
    awaitSpans(3);
    spans.reset();

    probe.get("/api/v1/fibonacci/120000");

    List<SpanData> trace = awaitSpans(2);
    SpanData lookup = only(trace, span -> span.getName().equals("cache.get local"));
    assertThat(lookup.getAttributes().get(CACHE_HIT)).isTrue();
    assertThat(trace).noneMatch(span -> span.getName().equals("fibonacci.compute"));
  }

  @Test
  void continuesTheCallersTraceAndPutsItsIdInTheLogLines() {
    var response =
        new HttpProbe(server)
            .get(
                "/api/v1/fibonacci/130000",
                "traceparent",
                "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01");

    List<SpanData> trace = awaitSpans(3);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(trace).allMatch(span -> span.getTraceId().equals(CALLER_TRACE));
    waitUntil(
        "a log line with the caller's trace id",
        () ->
            List.copyOf(captured.list).stream()
                .anyMatch(line -> CALLER_TRACE.equals(line.getMDCPropertyMap().get("trace_id"))));
    assertThat(captured.list)
        .anyMatch(line -> CALLER_TRACE.equals(line.getMDCPropertyMap().get("trace_id")));
  }

  @Test
  void leavesProbesAndScrapesUntraced() {
    var probe = new HttpProbe(server);

    probe.get("/health/readiness");
    probe.get("/prometheus");
    probe.get("/api/v1/fibonacci/7");

    List<SpanData> trace = awaitSpans(2);
    assertThat(trace)
        .filteredOn(span -> span.getKind() == SpanKind.SERVER)
        .singleElement()
        .satisfies(span -> assertThat(span.getName()).contains("/api/v1/fibonacci"));
  }

  /**
   * Waits for the request's server span to end (it ends last, after the response is written) and
   * for at least {@code atLeast} spans in all; fails when they do not come.
   */
  private List<SpanData> awaitSpans(int atLeast) {
    waitUntil(
        "a finished server span among at least " + atLeast + " spans",
        () -> {
          List<SpanData> finished = spans.getFinishedSpanItems();
          return finished.size() >= atLeast
              && finished.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER);
        });
    return spans.getFinishedSpanItems();
  }

  private static void waitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s for " + what + " in vain");
      }
      sleep(Duration.ofMillis(10));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SpanData only(
      List<SpanData> trace, java.util.function.Predicate<SpanData> matching) {
    List<SpanData> found = trace.stream().filter(matching).toList();
    assertThat(found).as("spans matching in %s", trace).hasSize(1);
    return Objects.requireNonNull(found.get(0));
  }
}
