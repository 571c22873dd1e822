package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.tracing.InMemorySpans;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A job's run is a trace of its own, linked to the request that submitted it, with the computation
 * inside it.
 */
@MicronautTest
@Property(name = "micronaut.otel.enabled", value = "true")
@Property(name = "otel.traces.exporter", value = "none")
@Property(name = InMemorySpans.PROPERTY, value = InMemorySpans.VALUE)
@Property(name = "fibonacci.max-n", value = "1000")
class JobTracingTest {

  private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("fibonacci.job.id");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("fibonacci.job.attempt");

  @Inject EmbeddedServer server;
  @Inject InMemorySpanExporter spans;

  @Test
  void linksTheRunOfAJobToTheRequestThatSubmittedIt() throws Exception {
    spans.reset();
    var http = new HttpProbe(server);
    var submitted =
        http.sendBody("POST", "/api/v1/jobs", "{\"n\": 54321}", "Content-Type", "application/json");
    String id = submitted.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    http.get("/api/v1/jobs/" + id, "Prefer", "wait=30");

    SpanData run = awaitSpan("fibonacci.job");
    SpanData submission =
        spans.getFinishedSpanItems().stream()
            .filter(span -> span.getKind() == SpanKind.SERVER)
            .filter(span -> span.getName().contains("POST"))
            .findFirst()
            .orElseThrow();
    SpanData computation = awaitSpan("fibonacci.compute");

    assertThat(submitted.statusCode()).isEqualTo(202);
    assertThat(run.getAttributes().get(JOB_ID)).isEqualTo(id);
    assertThat(run.getAttributes().get(ATTEMPT)).isEqualTo(1L);
    assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(run.getTraceId()).isNotEqualTo(submission.getTraceId());
    assertThat(run.getLinks())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.getSpanContext().getTraceId()).isEqualTo(submission.getTraceId());
              assertThat(link.getSpanContext().getSpanId()).isEqualTo(submission.getSpanId());
            });
    assertThat(computation.getTraceId()).isEqualTo(run.getTraceId());
    assertThat(computation.getParentSpanId()).isEqualTo(run.getSpanId());
  }

  private SpanData awaitSpan(String name) throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < end) {
      List<SpanData> finished = spans.getFinishedSpanItems();
      for (SpanData span : finished) {
        if (span.getName().equals(name)) {
          return span;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems());
  }
}
