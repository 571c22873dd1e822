package io.fibonacci.infrastructure.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** The attribute names the service's own spans carry, in one place so traces stay searchable. */
final class SpanAttributes {

  static final AttributeKey<Long> POSITION = AttributeKey.longKey("fibonacci.n");
  static final AttributeKey<Long> DIGITS = AttributeKey.longKey("fibonacci.digits");
  static final AttributeKey<String> CACHE_TIER = AttributeKey.stringKey("cache.tier");
  static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("cache.hit");

  private SpanAttributes() {}

  static void fail(Span span, RuntimeException failure) {
    span.recordException(failure);
    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
  }
}
