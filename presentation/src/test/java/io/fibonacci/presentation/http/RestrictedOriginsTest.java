package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CORS restricted to a list of origins ({@code CORS_ALLOWED_ORIGINS}). */
@MicronautTest
@Property(name = "cors.allowed-origins", value = "http://allowed.example, http://localhost:3000")
class RestrictedOriginsTest {

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void namesAListedOriginAndVariesByOrigin() {
    var response = http().get("/api/v1/fibonacci/10", "Origin", "http://localhost:3000");

    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(response.headers().allValues("Vary")).contains("Origin");
  }

  @Test
  void variesByOriginForRequestsWithoutOneToo() {
    var response = http().get("/api/v1/fibonacci/10");

    assertThat(response.headers().allValues("Vary")).contains("Origin");
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void givesAnotherOriginTheAnswerButNoPermissionToReadIt() {
    var response = http().get("/api/v1/fibonacci/10", "Origin", "http://evil.example");
    var preflight =
        http()
            .send(
                "OPTIONS",
                "/api/v1/fibonacci/10",
                "Origin",
                "http://evil.example",
                "Access-Control-Request-Method",
                "GET");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isNull();
    assertThat(header(preflight, "Access-Control-Allow-Methods")).isNull();
  }
}
