package io.fibonacci.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ObservedFibonacciCacheTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ObservedFibonacciCache cache =
      new ObservedFibonacciCache(new CaffeineFibonacciCache(1_000_000), "local", registry, null);

  @Test
  void registersHitsAndMissesAtZeroBeforeTheFirstRequest() {
    assertThat(count("hit")).isZero();
    assertThat(count("miss")).isZero();
  }

  @Test
  void countsALoadAsAMissAndAStoredValueAsAHit() {
    cache.get(Position.of(10), FibonacciNumbers::computed).join();

    cache.get(Position.of(10), FibonacciNumbers::computed).join();
    cache.get(Position.of(10), FibonacciNumbers::computed).join();

    assertThat(count("miss")).isEqualTo(1);
    assertThat(count("hit")).isEqualTo(2);
  }

  @Test
  void countsARequestThatJoinedALoadUnderWayAsAHit() {
    CompletableFuture<FibonacciNumber> heldBack = new CompletableFuture<>();
    CompletableFuture<FibonacciNumber> first = cache.get(Position.of(10), position -> heldBack);
    CompletableFuture<FibonacciNumber> second =
        cache.get(Position.of(10), FibonacciNumbers::computed);

    heldBack.complete(FibonacciNumbers.of(10));
    first.join();
    second.join();

    assertThat(count("miss")).isEqualTo(1);
    assertThat(count("hit")).isEqualTo(1);
  }

  @Test
  void countsAFailedLoadAsAMiss() {
    CompletableFuture<FibonacciNumber> failed =
        cache.get(
            Position.of(10),
            position -> CompletableFuture.failedFuture(new IllegalStateException("failed")));

    assertThat(failed).isCompletedExceptionally();
    assertThat(count("miss")).isEqualTo(1);
    assertThat(count("hit")).isZero();
  }

  @Test
  void countsNothingUntilTheValueIsKnown() {
    cache.get(Position.of(10), position -> new CompletableFuture<>());

    assertThat(count("miss")).isZero();
    assertThat(count("hit")).isZero();
  }

  private double count(String result) {
    return registry
        .get("fibonacci.cache.requests")
        .tag("tier", "local")
        .tag("result", result)
        .counter()
        .count();
  }
}
