package io.fibonacci.presentation.http.client;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.RateLimitStatus.Quota;
import io.micronaut.http.MutableHttpResponse;

/**
 * Writes the client's quotas as the {@code RateLimit-Policy} and {@code RateLimit} fields of
 * draft-ietf-httpapi-ratelimit-headers-11: one list member per quota, named by the policy, e.g.
 * {@code RateLimit-Policy: "bucket";q=1000;w=10} and {@code RateLimit: "bucket";r=998;t=1}.
 */
public final class RateLimitHeaders {

  public static final String POLICY = "RateLimit-Policy";
  public static final String STATE = "RateLimit";
  public static final String REQUEST_COST = "X-Request-Cost";

  private RateLimitHeaders() {}

  public static void apply(MutableHttpResponse<?> response, RateLimitStatus status) {
    if (!status.isLimited()) {
      return;
    }
    response.header(POLICY, join(status, true));
    response.header(STATE, join(status, false));
  }

  private static String join(RateLimitStatus status, boolean policy) {
    StringBuilder field = new StringBuilder(48 * status.quotas().size());
    for (Quota quota : status.quotas()) {
      if (!field.isEmpty()) {
        field.append(", ");
      }
      field.append('"').append(quota.name()).append('"');
      if (policy) {
        field.append(";q=").append(quota.limit()).append(";w=").append(quota.windowSeconds());
      } else {
        field.append(";r=").append(quota.remaining()).append(";t=").append(quota.resetSeconds());
      }
    }
    return field.toString();
  }
}
