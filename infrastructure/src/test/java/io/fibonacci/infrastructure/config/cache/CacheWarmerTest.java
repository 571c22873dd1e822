package io.fibonacci.infrastructure.config.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CacheWarmerTest {

  private final CaffeineFibonacciCache cache = new CaffeineFibonacciCache(1_000_000);
  private final AtomicInteger computations = new AtomicInteger();

  @Test
  void cachesTheFirstValuesOnce() {
    CacheWarmer warmer = warmer(100);

    int warmed = warmer.warm();

    assertThat(warmed).isEqualTo(100);
    assertThat(computations).hasValue(100);
    assertThat(cached(0).decimal()).isEqualTo("0");
    assertThat(cached(99).decimal()).isEqualTo("218922995834555169026");
  }

  @Test
  void doesNothingWhenTheCountIsZero() {
    CacheWarmer warmer = warmer(0);

    int warmed = warmer.warm();

    assertThat(warmed).isZero();
    assertThat(computations).hasValue(0);
  }

  @Test
  void warmsNoPositionAboveTheLimit() {
    CacheWarmer warmer = warmer(100, 9);

    int warmed = warmer.warm();

    assertThat(warmed).isEqualTo(10);
    assertThat(computations).hasValue(10);
    assertThat(cached(9).decimal()).isEqualTo("34");
  }

  private CacheWarmer warmer(int count) {
    return warmer(count, 10_000_000);
  }

  private CacheWarmer warmer(int count, int maxN) {
    IterativeFibonacciCalculator calculator = new IterativeFibonacciCalculator();
    return new CacheWarmer(
        cache,
        position -> {
          computations.incrementAndGet();
          return calculator.compute(position);
        },
        new CacheProperties(count),
        new FibonacciProperties(maxN));
  }

  private FibonacciNumber cached(int n) {
    return cache
        .get(
            Position.of(n),
            position -> CompletableFuture.failedFuture(new AssertionError("not cached")))
        .join();
  }
}
