package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Each test charges its own client (X-Forwarded-For from the trusted loopback peer). */
@MicronautTest
@Property(name = "rate-limit.bucket.capacity", value = "5")
@Property(name = "rate-limit.bucket.refill-per-second", value = "0.001")
@Property(name = "rate-limit.trusted-proxies", value = "127.0.0.1/32,::1/128")
class RateLimitTest {

  @Inject EmbeddedServer server;

  private HttpResponse<String> get(String client, String path) {
    return new HttpProbe(server).get(path, "X-Forwarded-For", client);
  }

  @Test
  void reportsThePolicyAndTheRemainingQuotaOnEverySuccess() {
    var response = get("198.51.100.1", "/api/v1/fibonacci/10");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"bucket\";q=5;w=5000");
    assertThat(response.headers().firstValue("RateLimit").orElseThrow())
        .startsWith("\"bucket\";r=4;t=");
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("1");
  }

  @Test
  void chargesLargerPositionsMoreTokens() {
    var response = get("198.51.100.2", "/api/v1/fibonacci/300000");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("4");
    assertThat(response.headers().firstValue("RateLimit").orElseThrow())
        .startsWith("\"bucket\";r=1;");
  }

  @Test
  void answersTooManyRequestsWithRetryAfterOnceTheBucketIsEmpty() {
    for (int i = 0; i < 5; i++) {
      assertThat(get("198.51.100.3", "/api/v1/fibonacci/" + i).statusCode()).isEqualTo(200);
    }

    var limited = get("198.51.100.3", "/api/v1/fibonacci/6");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    assertThat(limited.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(limited.headers().firstValue("RateLimit").orElseThrow())
        .startsWith("\"bucket\";r=0;");
    assertThat(limited.headers().firstValue("RateLimit-Policy")).isPresent();
    assertThat(limited.body()).contains("rate limit exceeded");
  }

  @Test
  void limitsTheSeedRoutesToo() {
    for (int i = 0; i < 5; i++) {
      get("198.51.100.4", "/fibonacci?n=" + i);
    }

    assertThat(get("198.51.100.4", "/fibonacci/9").statusCode()).isEqualTo(429);
  }

  @Test
  void refusesARequestThatCanNeverFitTheBucketAsABadRequest() {
    var response = get("198.51.100.5", "/api/v1/fibonacci/500000");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("costs 6 tokens")
        .contains("n must be an integer between 0 and 499999");
  }

  @Test
  void keepsClientsApart() {
    for (int i = 0; i < 6; i++) {
      get("198.51.100.6", "/api/v1/fibonacci/" + i);
    }

    assertThat(get("198.51.100.7", "/api/v1/fibonacci/1").statusCode()).isEqualTo(200);
  }

  @Test
  void chargesAnIpv6ClientByItsSlash64() {
    for (int i = 0; i < 5; i++) {
      get("2001:db8:1:2::" + (i + 1), "/api/v1/fibonacci/" + i);
    }

    assertThat(get("2001:db8:1:2:ffff::9", "/api/v1/fibonacci/1").statusCode()).isEqualTo(429);
    assertThat(get("2001:db8:1:3::1", "/api/v1/fibonacci/1").statusCode()).isEqualTo(200);
  }

  @Test
  void neverLimitsHealthMetricsOrDocumentation() {
    for (int i = 0; i < 6; i++) {
      get("198.51.100.8", "/api/v1/fibonacci/" + i);
    }

    for (int i = 0; i < 20; i++) {
      assertThat(get("198.51.100.8", "/health").statusCode()).isEqualTo(200);
      assertThat(get("198.51.100.8", "/health/readiness").statusCode()).isEqualTo(200);
      assertThat(get("198.51.100.8", "/prometheus").statusCode()).isEqualTo(200);
      assertThat(get("198.51.100.8", "/swagger/fibonacci-api.yml").statusCode()).isEqualTo(200);
    }
  }
}
