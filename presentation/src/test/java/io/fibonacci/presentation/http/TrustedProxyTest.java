package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * No proxy is trusted here, so X-Forwarded-For is ignored: every request is charged to the loopback
 * peer whatever it claims.
 */
@MicronautTest
@Property(name = "rate-limit.bucket.capacity", value = "3")
@Property(name = "rate-limit.bucket.refill-per-second", value = "0.001")
class TrustedProxyTest {

  @Inject EmbeddedServer server;

  @Test
  void ignoresForwardedForFromAnUntrustedPeer() {
    var http = new HttpProbe(server);
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/v1/fibonacci/1", "X-Forwarded-For", "203.0.113." + i).statusCode())
          .isEqualTo(200);
    }

    var spoofed = http.get("/api/v1/fibonacci/1", "X-Forwarded-For", "203.0.113.99");

    assertThat(spoofed.statusCode()).isEqualTo(429);
  }
}
