package io.fibonacci.presentation.redis;

import static io.fibonacci.presentation.redis.RedisFaults.ACCEPTABLE;
import static io.fibonacci.presentation.redis.RedisFaults.FALLBACK_GAUGE;
import static io.fibonacci.presentation.redis.RedisFaults.READINESS;
import static io.fibonacci.presentation.redis.RedisFaults.RECOVERY_DEADLINE;
import static io.fibonacci.presentation.redis.RedisFaults.assertBoundedLatency;
import static io.fibonacci.presentation.redis.RedisFaults.remainingOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service against a Redis that freezes ({@code CLIENT PAUSE}) for two seconds: requests are
 * answered within the command timeout, the breakers open, and the service returns to Redis after.
 */
class RedisFreezeIT extends RedisFaultSetup {

  @Test
  void keepsAnsweringQuicklyWhileRedisIsFrozenAndReturnsToItAfterwards() {
    var traffic = BackgroundTraffic.start(service, 4, 20_000);
    LocalRedis.pause(Duration.ofMillis(500));

    long freezeStarted = System.nanoTime();
    assertThat(redis.command("CLIENT", "PAUSE", "2000", "ALL")).isEqualTo("OK");
    Optional<Double> gaugeDuringFreeze =
        service.awaitGauge(FALLBACK_GAUGE, 1, Duration.ofMillis(1_500));
    var readyDuringFreeze =
        service.awaitAnswer(READINESS, RedisFaults::redisDegraded, Duration.ofMillis(1_500));
    LocalRedis.pause(remainingOf(Duration.ofMillis(2_000), freezeStarted));
    long freezeEnded = System.nanoTime();
    Optional<Double> gaugeAfterFreeze = service.awaitGauge(FALLBACK_GAUGE, 0, RECOVERY_DEADLINE);
    var readyAfterFreeze = service.awaitAnswer(READINESS, RedisFaults::redisUp, RECOVERY_DEADLINE);
    traffic.close();
    var freshClient = service.get("/api/v1/fibonacci/12", "X-Forwarded-For", "203.0.113.78");

    assertThat(traffic.sent())
        .extracting(sent -> sent.answer().status())
        .isNotEmpty()
        .allMatch(ACCEPTABLE::contains);
    assertBoundedLatency(traffic.startedBetween(freezeStarted, freezeEnded));
    assertThat(gaugeDuringFreeze).contains(1.0);
    assertThat(readyDuringFreeze.status()).isEqualTo(200);
    assertThat(readyDuringFreeze.body()).contains("\"redis\":\"degraded\"");
    assertThat(gaugeAfterFreeze).contains(0.0);
    assertThat(readyAfterFreeze.status()).isEqualTo(200);
    assertThat(readyAfterFreeze.body()).contains("\"redis\":\"up\"");
    assertThat(freshClient.status()).isEqualTo(200);
    assertThat(redis.keys("rl:v1:*")).anySatisfy(key -> assertThat(key).contains("203.0.113.78"));
  }
}
