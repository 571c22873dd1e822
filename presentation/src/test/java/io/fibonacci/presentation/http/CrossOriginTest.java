package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CORS with the default, any origin, on a server reached as localhost. */
@MicronautTest
@Property(name = "rate-limit.bucket.capacity", value = "100")
@Property(name = "rate-limit.bucket.refill-per-second", value = "0.001")
class CrossOriginTest {

  private static final String ORIGIN = "http://app.example.com";

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private HttpResponse<String> preflight(String path) {
    return http()
        .send(
            "OPTIONS",
            path,
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "GET",
            "Access-Control-Request-Headers",
            "if-none-match, range");
  }

  @Test
  void answersAPreflightWithNoContentAndWhatMayBeSent() {
    var response = preflight("/api/v1/fibonacci/10");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(response, "Access-Control-Allow-Methods")).contains("GET", "HEAD");
    assertThat(header(response, "Access-Control-Allow-Headers"))
        .contains(
            "Accept",
            "If-None-Match",
            "Range",
            "Authorization",
            "X-API-Key",
            "Idempotency-Key",
            "Prefer",
            "Content-Type");
    assertThat(Integer.parseInt(header(response, "Access-Control-Max-Age")))
        .isGreaterThanOrEqualTo(600);
  }

  @Test
  void neverChargesAPreflightToTheRateLimit() {
    var before = http().get("/api/v1/fibonacci/11", "Origin", ORIGIN);
    for (int i = 0; i < 20; i++) {
      assertThat(preflight("/api/v1/fibonacci/10").statusCode()).isEqualTo(204);
    }

    var after = http().get("/api/v1/fibonacci/11", "Origin", ORIGIN);

    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(remaining(after)).isEqualTo(remaining(before) - 1);
  }

  /** The r= of the RateLimit field. */
  private static int remaining(HttpResponse<?> response) {
    String field = header(response, "RateLimit");
    var matcher = java.util.regex.Pattern.compile("r=(\\d+)").matcher(field);
    assertThat(matcher.find()).as(field).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @Test
  void letsAnyOriginReadTheAnswerAndItsHeadersOnALocalhostHost() {
    assertThat(server.getURL().getHost()).isEqualTo("localhost");

    var response = http().get("/api/v1/fibonacci/12", "Origin", "http://localhost:5173");
    var foreign = http().get("/api/v1/fibonacci/12", "Origin", ORIGIN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(foreign.statusCode()).isEqualTo(200);
    assertThat(header(foreign, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(foreign, "Access-Control-Allow-Credentials")).isNull();
    assertThat(header(foreign, "Access-Control-Expose-Headers"))
        .contains(
            "ETag",
            "RateLimit",
            "RateLimit-Policy",
            "Retry-After",
            "X-Request-Id",
            "X-Request-Cost",
            "Content-Range",
            "Accept-Ranges",
            "Location");
  }

  @Test
  void letsErrorsBeReadAcrossOriginsToo() {
    var response = http().get("/api/v1/fibonacci/abc", "Origin", ORIGIN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void addsNothingForARequestWithoutOrigin() {
    var response = http().get("/api/v1/fibonacci/10");

    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
  }
}
