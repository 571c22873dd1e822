package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.TraceOrigin;
import io.fibonacci.shared.Nullable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * A span's context as the text a job carries from its submission to its run: the W3C {@code
 * traceparent}, so the run's trace can link back to the request wherever it runs.
 */
public final class OpenTelemetryTraceOrigin implements TraceOrigin {

  private static final String TRACEPARENT = "traceparent";
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  /** The current span's traceparent, or null outside a trace. */
  @Override
  public @Nullable String current() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
    return carrier.get(TRACEPARENT);
  }

  /** The span context a traceparent names; an invalid one for null or malformed text. */
  static SpanContext of(@Nullable String traceParent) {
    if (traceParent == null || traceParent.length() > 128) {
      return SpanContext.getInvalid();
    }
    Context extracted =
        W3CTraceContextPropagator.getInstance()
            .extract(Context.root(), Map.of(TRACEPARENT, traceParent), GETTER);
    return Span.fromContext(extracted).getSpanContext();
  }
}
