package io.fibonacci.infrastructure.inmemory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The local cache tier: values on this JVM's heap, bounded by their approximate size in bytes
 * ({@link FibonacciNumber#retainedBytes()}), evicted by Caffeine's frequency-aware policy.
 *
 * <p>A miss installs the loader's future at once, so concurrent requests for the same position wait
 * for that one load instead of starting their own. A load that fails is removed, so the next
 * request tries again.
 */
public final class CaffeineFibonacciCache implements FibonacciCache {

  /** 128 MiB: a quarter of the recommended 512 MB heap. */
  public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;

  private final AsyncCache<Position, FibonacciNumber> cache;

  public CaffeineFibonacciCache(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the cache holds at least one byte, got " + maxBytes);
    }
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(
                (Position position, FibonacciNumber value) ->
                    (int) Math.min(Integer.MAX_VALUE, value.retainedBytes()))
            .executor(Runnable::run)
            .buildAsync();
  }

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(loader, "loader");
    // A copy, so that a caller completing or cancelling its future cannot touch the shared one.
    return cache.get(position, (key, executor) -> load(key, loader)).copy();
  }

  /** The approximate bytes held now, after pending evictions. */
  long weightedSize() {
    cache.synchronous().cleanUp();
    return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** Whether a completed value for this position is held now. */
  boolean contains(Position position) {
    CompletableFuture<FibonacciNumber> held = cache.getIfPresent(position);
    return held != null && held.isDone() && !held.isCompletedExceptionally();
  }

  private static CompletableFuture<FibonacciNumber> load(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    try {
      CompletableFuture<FibonacciNumber> future = loader.apply(position);
      return future != null
          ? future
          : CompletableFuture.failedFuture(
              new IllegalStateException("the loader of " + position + " returned no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
