package io.fibonacci.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FibonacciCache} adapter does, whatever its store. An adapter's test extends
 * this class and builds an empty cache in {@link #newCache()}.
 *
 * <p>An adapter may look a value up asynchronously (a remote store) before it calls the loader, so
 * the tests wait for a request to end before they count loads or start the next request.
 */
public abstract class FibonacciCacheContract {

  private FibonacciCache cache;
  private AtomicInteger loads;

  /** An empty cache: no position loaded by an earlier test may be found in it. */
  protected abstract FibonacciCache newCache();

  @BeforeEach
  void startWithAnEmptyCache() {
    cache = newCache();
    loads = new AtomicInteger();
  }

  @Test
  void loadsAMissingValueWithTheLoader() {
    FibonacciNumber value = cache.get(Position.of(10), computing()).join();

    assertThat(value.decimal()).isEqualTo("55");
    assertThat(loads).hasValue(1);
  }

  @Test
  void servesAStoredValueWithoutCallingTheLoaderAgain() {
    cache.get(Position.of(10), computing()).join();

    FibonacciNumber value = cache.get(Position.of(10), failing()).join();

    assertThat(value.decimal()).isEqualTo("55");
    assertThat(loads).hasValue(1);
  }

  @Test
  void keepsEachPositionApart() {
    cache.get(Position.of(10), computing()).join();

    FibonacciNumber eleven = cache.get(Position.of(11), computing()).join();

    assertThat(eleven.decimal()).isEqualTo("89");
    assertThat(loads).hasValue(2);
  }

  @Test
  void keepsLargeValuesDigitForDigit() {
    FibonacciNumber expected = FibonacciNumbers.of(20_000);
    cache.get(Position.of(20_000), computing()).join();

    FibonacciNumber stored = cache.get(Position.of(20_000), failing()).join();

    assertThat(stored.digitCount()).isEqualTo(4_180);
    assertThat(stored).isEqualTo(expected);
  }

  @Test
  void failsWithTheLoadersFailureAndDoesNotKeepIt() {
    IllegalStateException failure = new IllegalStateException("computation failed");
    CompletableFuture<FibonacciNumber> failed =
        cache.get(Position.of(10), position -> CompletableFuture.failedFuture(failure));
    Throwable thrown = catchThrowable(failed::join);

    FibonacciNumber retried = cache.get(Position.of(10), computing()).join();

    assertThat(thrown).isInstanceOf(CompletionException.class).hasCause(failure);
    assertThat(retried.decimal()).isEqualTo("55");
    assertThat(loads).hasValue(1);
  }

  @Test
  void failsWhenTheLoaderThrowsAndDoesNotKeepIt() {
    IllegalStateException failure = new IllegalStateException("computation failed");
    CompletableFuture<FibonacciNumber> failed =
        cache.get(
            Position.of(10),
            position -> {
              throw failure;
            });
    Throwable thrown = catchThrowable(failed::join);

    FibonacciNumber retried = cache.get(Position.of(10), computing()).join();

    assertThat(thrown).isInstanceOf(CompletionException.class).hasCause(failure);
    assertThat(retried.decimal()).isEqualTo("55");
  }

  @Test
  void sharesOneLoadAmongConcurrentRequestsForTheSamePosition() throws Exception {
    CompletableFuture<FibonacciNumber> heldBack = new CompletableFuture<>();
    Function<Position, CompletableFuture<FibonacciNumber>> slowLoader =
        position -> {
          loads.incrementAndGet();
          return heldBack;
        };

    List<CompletableFuture<FibonacciNumber>> pending =
        getConcurrently(Position.of(30), slowLoader, 16);
    boolean anyDoneBeforeTheLoad = pending.stream().anyMatch(CompletableFuture::isDone);
    heldBack.complete(FibonacciNumbers.of(30));
    List<String> values = pending.stream().map(future -> future.join().decimal()).toList();

    assertThat(loads).hasValue(1);
    assertThat(anyDoneBeforeTheLoad).isFalse();
    assertThat(values).containsOnly("832040").hasSize(16);
  }

  @Test
  void cancellingOneRequestLeavesTheSharedLoadToTheOthers() {
    CompletableFuture<FibonacciNumber> heldBack = new CompletableFuture<>();
    CompletableFuture<FibonacciNumber> first = cache.get(Position.of(10), position -> heldBack);
    CompletableFuture<FibonacciNumber> second = cache.get(Position.of(10), failing());

    first.cancel(true);
    heldBack.complete(FibonacciNumbers.of(10));

    assertThat(second.join().decimal()).isEqualTo("55");
    assertThat(cache.get(Position.of(10), failing()).join().decimal()).isEqualTo("55");
  }

  private Function<Position, CompletableFuture<FibonacciNumber>> computing() {
    return position -> {
      loads.incrementAndGet();
      return FibonacciNumbers.computed(position);
    };
  }

  private static Function<Position, CompletableFuture<FibonacciNumber>> failing() {
    return position -> {
      throw new AssertionError("the loader of a stored position was called");
    };
  }

  private List<CompletableFuture<FibonacciNumber>> getConcurrently(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CompletableFuture<FibonacciNumber>>> calls = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<CompletableFuture<FibonacciNumber>> call =
            () -> {
              start.await();
              return cache.get(position, loader);
            };
        calls.add(pool.submit(call));
      }
      start.countDown();
      List<CompletableFuture<FibonacciNumber>> futures = new ArrayList<>();
      for (Future<CompletableFuture<FibonacciNumber>> call : calls) {
        futures.add(call.get());
      }
      return futures;
    } finally {
      pool.shutdownNow();
    }
  }
}
