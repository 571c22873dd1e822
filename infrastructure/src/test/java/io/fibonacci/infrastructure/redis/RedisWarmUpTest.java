package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RedisWarmUpTest {

  @Test
  void makesEveryCallEveryRoundAndIsWarmOnlyAfterwards() {
    AtomicInteger limiterCalls = new AtomicInteger();
    AtomicInteger cacheCalls = new AtomicInteger();
    List<Supplier<? extends CompletionStage<?>>> calls =
        List.of(
            () -> CompletableFuture.completedFuture(limiterCalls.incrementAndGet()),
            () -> CompletableFuture.completedFuture(cacheCalls.incrementAndGet()));
    RedisWarmUp warmUp = new RedisWarmUp(calls, 50, Duration.ofSeconds(10));

    boolean warmBefore = warmUp.isWarm();
    warmUp.run();

    assertThat(warmBefore).isFalse();
    assertThat(warmUp.isWarm()).isTrue();
    assertThat(limiterCalls).hasValue(50);
    assertThat(cacheCalls).hasValue(50);
  }

  @Test
  void isWarmAfterFailuresAndAfterItsTimeLimit() {
    AtomicInteger calls = new AtomicInteger();
    RedisWarmUp failing =
        new RedisWarmUp(
            List.of(
                () -> {
                  calls.incrementAndGet();
                  return CompletableFuture.failedFuture(new IllegalStateException("Redis down"));
                }),
            100,
            Duration.ofSeconds(10));
    RedisWarmUp hanging =
        new RedisWarmUp(List.of(CompletableFuture::new), 1_000, Duration.ofMillis(50));

    failing.run();
    hanging.run();

    // the first round failed whole: Redis does not answer, so there is nothing to warm
    assertThat(calls).hasValue(RedisWarmUp.IN_FLIGHT);
    assertThat(failing.isWarm()).isTrue();
    assertThat(hanging.isWarm()).isTrue();
  }
}
