package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A queue of one job and no worker: the second submission finds it full. */
@MicronautTest
@Property(name = "fibonacci.role", value = "api")
@Property(name = "fibonacci.max-n", value = "1000")
@Property(name = "fibonacci.jobs.queue-capacity", value = "1")
@Property(name = "fibonacci.cache.warm-up-count", value = "0")
class JobsQueueFullTest {

  @Inject EmbeddedServer server;

  @Test
  void refusesAJobWhenTheQueueIsFullAndSaysWhenToComeBack() {
    var http = new HttpProbe(server);
    var first =
        http.sendBody("POST", "/api/v1/jobs", "{\"n\": 70000}", "Content-Type", "application/json");

    var full =
        http.sendBody("POST", "/api/v1/jobs", "{\"n\": 70001}", "Content-Type", "application/json");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(full.body()).contains("urn:fibonacci:problem:server-overloaded");
  }
}
