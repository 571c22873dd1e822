package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.infrastructure.config.inmemory.InMemoryAdapterFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The README's profile: 30 a minute, 50 an hour, 200 a day, besides the bucket. Time stands still
 * ten seconds into a minute, so the 31 requests share one minute whenever the test runs.
 */
@MicronautTest
@Property(name = "spec.name", value = "RateLimitWindowTest")
@Property(name = "rate-limit.windows.per-minute", value = "30")
@Property(name = "rate-limit.windows.per-hour", value = "50")
@Property(name = "rate-limit.windows.per-day", value = "200")
class RateLimitWindowTest {

  @Inject EmbeddedServer server;

  @Test
  void reportsEveryWindowAndRejectsOnceTheMinuteIsUsedUp() {
    var http = new HttpProbe(server);
    var first = http.get("/api/v1/fibonacci/1");
    for (int i = 1; i < 30; i++) {
      http.get("/api/v1/fibonacci/1");
    }

    var limited = http.get("/api/v1/fibonacci/1");

    assertThat(first.headers().firstValue("RateLimit-Policy").orElseThrow())
        .isEqualTo(
            "\"bucket\";q=1000;w=10, \"minute\";q=30;w=60, \"hour\";q=50;w=3600,"
                + " \"day\";q=200;w=86400");
    assertThat(first.headers().firstValue("RateLimit").orElseThrow())
        .contains("\"minute\";r=29;")
        .contains("\"hour\";r=49;")
        .contains("\"day\";r=199;");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("RateLimit").orElseThrow()).contains("\"minute\";r=0;");
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("50");
  }

  @Factory
  @Requires(property = "spec.name", value = "RateLimitWindowTest")
  static class StoppedClock {
    @Singleton
    @Replaces(value = Clock.class, factory = InMemoryAdapterFactory.class)
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-01-01T00:00:10Z"), ZoneOffset.UTC);
    }
  }
}
