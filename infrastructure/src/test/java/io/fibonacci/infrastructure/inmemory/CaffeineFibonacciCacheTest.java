package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.contract.FibonacciCacheContract;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CaffeineFibonacciCacheTest extends FibonacciCacheContract {

  @Override
  protected FibonacciCache newCache() {
    return new CaffeineFibonacciCache(CaffeineFibonacciCache.DEFAULT_MAX_BYTES);
  }

  @Test
  void keepsLargeValuesOffTheHeapAndSmallOnesOnIt() {
    CaffeineFibonacciCache cache = new CaffeineFibonacciCache(1_000_000);

    FibonacciNumber large = cache.get(Position.of(5_000), FibonacciNumbers::computed).join();
    FibonacciNumber small = cache.get(Position.of(100), FibonacciNumbers::computed).join();

    assertThat(large.digitCount())
        .isGreaterThanOrEqualTo(CaffeineFibonacciCache.OFF_HEAP_MIN_DIGITS);
    assertThat(large.isOffHeap()).isTrue();
    assertThat(large).isEqualTo(FibonacciNumbers.of(5_000));
    assertThat(small.isOffHeap()).isFalse();
  }

  @Test
  void holdsNoMoreBytesThanItsBound() {
    CaffeineFibonacciCache cache = new CaffeineFibonacciCache(10_000);

    for (int n = 1_000; n < 1_100; n++) {
      cache.get(Position.of(n), FibonacciNumbers::computed).join();
    }

    assertThat(cache.weightedSize()).isPositive().isLessThanOrEqualTo(10_000);
  }

  @Test
  void weighsEachValueByItsRetainedBytes() {
    CaffeineFibonacciCache cache = new CaffeineFibonacciCache(1_000_000);
    FibonacciNumber value = cache.get(Position.of(1_000), FibonacciNumbers::computed).join();

    long weight = cache.weightedSize();

    assertThat(weight).isEqualTo(value.retainedBytes());
  }

  @Test
  void evictsAValueLargerThanTheWholeBound() {
    CaffeineFibonacciCache cache = new CaffeineFibonacciCache(100);

    FibonacciNumber value = cache.get(Position.of(1_000), FibonacciNumbers::computed).join();

    assertThat(value.digitCount()).isEqualTo(209);
    assertThat(cache.contains(Position.of(1_000))).isFalse();
  }

  @Test
  void keepsAValueOnceItsLoadCompletes() {
    CaffeineFibonacciCache cache = new CaffeineFibonacciCache(1_000_000);
    CompletableFuture<FibonacciNumber> heldBack = new CompletableFuture<>();
    cache.get(Position.of(10), position -> heldBack);

    boolean keptWhileLoading = cache.contains(Position.of(10));
    heldBack.complete(FibonacciNumbers.of(10));

    assertThat(keptWhileLoading).isFalse();
    assertThat(cache.contains(Position.of(10))).isTrue();
  }

  @Test
  void refusesABoundBelowOneByte() {
    assertThatThrownBy(() -> new CaffeineFibonacciCache(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
