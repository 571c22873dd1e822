package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The local cache tier: values in this JVM, bounded by their approximate size in bytes ({@link
 * FibonacciNumber#retainedBytes()}) together with their encoded forms (see {@link ByteBudget}).
 * Values from {@link #OFF_HEAP_MIN_DIGITS} digits on are kept in direct buffers, which sockets
 * write without a copy.
 *
 * <p>A miss installs the loader's future at once, so concurrent requests for the same position wait
 * for that one load instead of starting their own. A load that fails is removed, so the next
 * request tries again.
 */
public final class CaffeineFibonacciCache implements FibonacciCache {

  /** 128 MiB, held in direct memory for all but the smallest values (see the README's sizing). */
  public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;

  /** Smaller values stay on the heap: a direct buffer costs more than copying them does. */
  public static final int OFF_HEAP_MIN_DIGITS = 1024;

  private final ByteBudget budget;

  public CaffeineFibonacciCache(ByteBudget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** A tier with a budget of its own. */
  public CaffeineFibonacciCache(long maxBytes) {
    this(new ByteBudget(maxBytes));
  }

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(loader, "loader");
    // A dependent future: a caller completing or cancelling it cannot touch the shared one.
    return budget
        .cache()
        .get(
            position,
            (key, executor) ->
                ByteBudget.started(() -> loader.apply(position), "the loader of " + position)
                    .thenApply(CaffeineFibonacciCache::placed))
        .thenApply(FibonacciNumber.class::cast);
  }

  /** Large values move off the heap once, as they enter the cache. */
  private static Object placed(FibonacciNumber number) {
    return number.digitCount() >= OFF_HEAP_MIN_DIGITS ? number.offHeap() : number;
  }

  /** The approximate bytes held now, after pending evictions. */
  long weightedSize() {
    return budget.weightedSize();
  }

  /** Whether a completed value for this position is held now. */
  boolean contains(Position position) {
    return budget.holds(position);
  }
}
