package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "rate-limit.enabled", value = "false")
@Property(name = "rate-limit.bucket.capacity", value = "1")
class RateLimitDisabledTest {

  @Inject EmbeddedServer server;

  @Test
  void neitherLimitsNorReportsQuotasWhenDisabled() {
    var http = new HttpProbe(server);
    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/api/v1/fibonacci/300000").statusCode()).isEqualTo(200);
    }

    var response = http.get("/api/v1/fibonacci/1");

    assertThat(response.headers().firstValue("RateLimit")).isEmpty();
    assertThat(response.headers().firstValue("RateLimit-Policy")).isEmpty();
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("1");
  }
}
