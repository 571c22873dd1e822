package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Tracing is off unless asked for: no SDK, no exporter, no span on the request path. */
@MicronautTest
class TracingOffTest {

  @Inject EmbeddedServer server;
  @Inject ApplicationContext context;

  @Test
  void startsNoOpenTelemetryByDefault() {
    var response = new HttpProbe(server).get("/api/v1/fibonacci/20");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(context.findBean(OpenTelemetry.class)).isEmpty();
    assertThat(context.getAllBeanDefinitions())
        .noneMatch(bean -> bean.getBeanType().getName().startsWith("io.micronaut.tracing"));
  }
}
