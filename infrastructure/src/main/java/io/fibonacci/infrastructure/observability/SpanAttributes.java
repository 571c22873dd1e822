package io.fibonacci.infrastructure.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** The attributes of the service's own spans, in one place so that traces stay searchable. */
final class SpanAttributes {

  static final AttributeKey<Long> POSITION = AttributeKey.longKey("fibonacci.n");
  static final AttributeKey<Long> DIGITS = AttributeKey.longKey("fibonacci.digits");
  static final AttributeKey<String> CACHE_TIER = AttributeKey.stringKey("cache.tier");
  static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("cache.hit");
  static final AttributeKey<Long> REQUEST_COST = AttributeKey.longKey("rate_limit.cost");
  static final AttributeKey<Boolean> RATE_LIMIT_ALLOWED =
      AttributeKey.booleanKey("rate_limit.allowed");

  private SpanAttributes() {}

  /** True when a request's span is current: the service's spans are always part of a request. */
  static boolean insideATrace() {
    return Span.current().getSpanContext().isValid();
  }

  static void fail(Span span, RuntimeException failure) {
    span.recordException(failure);
    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
  }
}
