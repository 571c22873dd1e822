package io.fibonacci.presentation.http;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.RateLimitStatus.Quota;
import io.micronaut.http.MutableHttpResponse;
import java.util.stream.Collectors;

/**
 * Writes the client's quotas as the {@code RateLimit-Policy} and {@code RateLimit} fields of
 * draft-ietf-httpapi-ratelimit-headers-11: one list member per quota, named by the policy, e.g.
 * {@code RateLimit-Policy: "bucket";q=1000;w=10} and {@code RateLimit: "bucket";r=998;t=1}.
 */
final class RateLimitHeaders {

  static final String POLICY = "RateLimit-Policy";
  static final String STATE = "RateLimit";
  static final String REQUEST_COST = "X-Request-Cost";

  private RateLimitHeaders() {}

  static void apply(MutableHttpResponse<?> response, RateLimitStatus status) {
    if (!status.isLimited()) {
      return;
    }
    response.header(POLICY, join(status, RateLimitHeaders::policy));
    response.header(STATE, join(status, RateLimitHeaders::state));
  }

  private static String join(
      RateLimitStatus status, java.util.function.Function<Quota, String> member) {
    return status.quotas().stream().map(member).collect(Collectors.joining(", "));
  }

  private static String policy(Quota quota) {
    return "\"" + quota.name() + "\";q=" + quota.limit() + ";w=" + quota.windowSeconds();
  }

  private static String state(Quota quota) {
    return "\"" + quota.name() + "\";r=" + quota.remaining() + ";t=" + quota.resetSeconds();
  }
}
