package io.fibonacci.presentation.tracing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;

/**
 * Keeps finished spans in memory, in place of the OTLP exporter, for tests that set {@value
 * #PROPERTY} = {@value #VALUE} (with tracing on and {@code otel.traces.exporter=none}).
 */
@Factory
@Requires(property = InMemorySpans.PROPERTY, value = InMemorySpans.VALUE)
public class InMemorySpans {

  public static final String PROPERTY = "test.spans";
  public static final String VALUE = "in-memory";

  @Singleton
  InMemorySpanExporter exporter() {
    return InMemorySpanExporter.create();
  }

  @Singleton
  SpanProcessor processor(InMemorySpanExporter exporter) {
    return SimpleSpanProcessor.create(exporter);
  }
}
