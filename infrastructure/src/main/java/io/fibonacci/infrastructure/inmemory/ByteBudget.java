package io.fibonacci.infrastructure.inmemory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One Caffeine cache, bounded by the approximate bytes of what it holds, shared by the local value
 * tier ({@link CaffeineFibonacciCache}) and the encoded forms ({@link CaffeineEncodedDigitsCache}):
 * a value and its gzip form compete for the same budget, and the frequency-aware policy keeps what
 * is asked for most, whichever it is.
 */
public final class ByteBudget {

  private final AsyncCache<Object, Object> cache;

  public ByteBudget(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the cache holds at least one byte, got " + maxBytes);
    }
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Object key, Object value) -> (int) Math.min(Integer.MAX_VALUE, weight(value)))
            .executor(Runnable::run)
            .buildAsync();
  }

  AsyncCache<Object, Object> cache() {
    return cache;
  }

  /** Whether a completed, successful entry is held for this key now. */
  boolean holds(Object key) {
    CompletableFuture<Object> held = cache.getIfPresent(key);
    return held != null && held.isDone() && !held.isCompletedExceptionally();
  }

  /**
   * The future {@code start} returns, or a failed one when it throws or returns none: a loader's
   * mistake becomes a failed load, which the cache drops, never an exception in its mapping.
   */
  static <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> start, String what) {
    try {
      CompletableFuture<T> future = start.get();
      return future != null
          ? future
          : CompletableFuture.failedFuture(new IllegalStateException(what + " returned no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The approximate bytes held now, after pending evictions. */
  long weightedSize() {
    cache.synchronous().cleanUp();
    return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  private static long weight(Object value) {
    return value instanceof FibonacciNumber number
        ? number.retainedBytes()
        : ((EncodedDigits) value).retainedBytes();
  }
}
