package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A worker instance serves its health and metrics, and no API. */
@MicronautTest
@Property(name = "fibonacci.role", value = "worker")
@Property(name = "fibonacci.cache.warm-up-count", value = "0")
class WorkerRoleTest {

  @Inject EmbeddedServer server;

  @Test
  void servesHealthAndMetricsOnly() {
    var http = new HttpProbe(server);

    assertThat(http.get("/health/readiness").statusCode()).isEqualTo(200);
    assertThat(http.get("/prometheus").body()).contains("fibonacci_jobs_queued");
    var api = http.get("/api/v1/fibonacci/10");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.body()).contains("\"status\":404").contains("job worker").contains("requestId");
    assertThat(http.get("/fibonacci/10").statusCode()).isEqualTo(404);
    assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(404);
    assertThat(
            http.sendBody("POST", "/api/v1/jobs", "{\"n\": 5}", "Content-Type", "application/json")
                .statusCode())
        .isEqualTo(404);
  }
}
