package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@MicronautTest
class RequestLoggingTest {

  @Inject EmbeddedServer server;

  private final Logger access = (Logger) LoggerFactory.getLogger("io.fibonacci.access");
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  @BeforeEach
  void captureTheAccessLog() {
    captured.start();
    access.addAppender(captured);
    access.setLevel(Level.INFO);
  }

  @AfterEach
  void releaseTheAccessLog() {
    access.detachAppender(captured);
    access.setLevel(Level.OFF);
  }

  @Test
  void logsEachRequestAsJsonWithItsRequestId() {
    var response = new HttpProbe(server).get("/api/v1/fibonacci/50000", "X-Request-Id", "trace-42");

    ILoggingEvent line =
        captured.list.stream()
            .filter(event -> "trace-42".equals(event.getMDCPropertyMap().get("requestId")))
            .findFirst()
            .orElseThrow();
    var encoder = new LogstashEncoder();
    encoder.start();
    String json = new String(encoder.encode(line), StandardCharsets.UTF_8);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json)
        .contains("\"requestId\":\"trace-42\"")
        .contains("\"path\":\"/api/v1/fibonacci/50000\"")
        .contains("\"status\":200")
        .contains("\"message\":\"request served\"");
  }
}
