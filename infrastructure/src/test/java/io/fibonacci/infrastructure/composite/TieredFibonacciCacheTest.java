package io.fibonacci.infrastructure.composite;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TieredFibonacciCacheTest {

  private final RecordingCache local = new RecordingCache();
  private final RecordingCache remote = new RecordingCache();
  private final AtomicInteger computations = new AtomicInteger();
  private final TieredFibonacciCache tiered = new TieredFibonacciCache(local, remote, 100);

  @Test
  void answersALocalHitWithoutTouchingTheRemoteTier() {
    local.put(value(150));

    FibonacciNumber found = tiered.get(Position.of(150), computing()).join();

    assertThat(found).isEqualTo(value(150));
    assertThat(remote.requests).hasValue(0);
    assertThat(computations).hasValue(0);
  }

  @Test
  void promotesARemoteHitIntoTheLocalTier() {
    remote.put(value(150));

    FibonacciNumber found = tiered.get(Position.of(150), computing()).join();

    assertThat(found).isEqualTo(value(150));
    assertThat(local.stored).containsKey(Position.of(150));
    assertThat(computations).hasValue(0);
  }

  @Test
  void computesAMissOnceAndStoresItInBothTiers() {
    FibonacciNumber computed = tiered.get(Position.of(150), computing()).join();
    FibonacciNumber again = tiered.get(Position.of(150), computing()).join();

    assertThat(computed).isEqualTo(value(150)).isEqualTo(again);
    assertThat(computations).hasValue(1);
    assertThat(local.stored).containsKey(Position.of(150));
    assertThat(remote.stored).containsKey(Position.of(150));
    assertThat(remote.requests).hasValue(1);
  }

  @Test
  void keepsPositionsBelowTheThresholdOutOfTheRemoteTier() {
    FibonacciNumber computed = tiered.get(Position.of(99), computing()).join();

    assertThat(computed).isEqualTo(value(99));
    assertThat(local.stored).containsKey(Position.of(99));
    assertThat(remote.requests).hasValue(0);
  }

  @Test
  void concurrentRequestsForOnePositionShareOneRemoteLookupThroughTheLocalTier() {
    CompletableFuture<FibonacciNumber> heldBack = new CompletableFuture<>();
    RecordingCache slowRemote = new RecordingCache();
    TieredFibonacciCache caffeineFirst =
        new TieredFibonacciCache(new CaffeineFibonacciCache(1 << 20), slowRemote, 0);

    CompletableFuture<FibonacciNumber> first =
        caffeineFirst.get(Position.of(150), position -> heldBack);
    CompletableFuture<FibonacciNumber> second =
        caffeineFirst.get(Position.of(150), position -> heldBack);
    heldBack.complete(value(150));

    assertThat(first.join()).isEqualTo(second.join());
    assertThat(slowRemote.requests).hasValue(1);
  }

  private Function<Position, CompletableFuture<FibonacciNumber>> computing() {
    return position -> {
      computations.incrementAndGet();
      return FibonacciNumbers.computed(position);
    };
  }

  private static FibonacciNumber value(int n) {
    return FibonacciNumbers.of(n);
  }

  /** A map-backed tier that counts the requests it receives. */
  private static final class RecordingCache implements FibonacciCache {

    final Map<Position, FibonacciNumber> stored = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    void put(FibonacciNumber value) {
      stored.put(value.position(), value);
    }

    @Override
    public CompletableFuture<FibonacciNumber> get(
        Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
      requests.incrementAndGet();
      FibonacciNumber found = stored.get(position);
      if (found != null) {
        return CompletableFuture.completedFuture(found);
      }
      return loader
          .apply(position)
          .thenApply(
              value -> {
                stored.put(position, value);
                return value;
              });
    }
  }
}
