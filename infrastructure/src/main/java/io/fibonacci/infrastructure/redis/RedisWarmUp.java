package io.fibonacci.infrastructure.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an instance's first Redis calls before it is ready: the connections are opened, the scripts
 * loaded and the client's paths compiled by the JIT while no request waits on them. A cold JVM's
 * first calls are slower than the breakers' slow-call threshold, so without this a replica that
 * joins under load would open its breakers and fall back for seconds. Failures do not stop it (the
 * service degrades without Redis): it stops at the first round of which every call failed, and
 * after {@code limit}.
 */
public final class RedisWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(RedisWarmUp.class);

  /** How many calls of each kind are in flight at once. */
  static final int IN_FLIGHT = 8;

  private final List<Supplier<? extends CompletionStage<?>>> calls;
  private final int rounds;
  private final Duration limit;
  private volatile boolean warm;

  /**
   * @param calls one call of each kind the instance makes (a rate-limit check, a cache read, ...)
   * @param rounds how many times each is made
   * @param limit how long warming may take before the instance is declared ready anyway
   */
  public RedisWarmUp(
      List<Supplier<? extends CompletionStage<?>>> calls, int rounds, Duration limit) {
    this.calls = List.copyOf(calls);
    this.rounds = rounds;
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /**
   * A call made on each of {@code keys} in turn, one key per call: keys on several slots reach
   * several masters of a cluster.
   */
  public static <K> Supplier<CompletionStage<?>> inTurn(
      List<K> keys, Function<K, ? extends CompletionStage<?>> call) {
    List<K> all = List.copyOf(keys);
    AtomicInteger turn = new AtomicInteger();
    return () -> call.apply(all.get(Math.floorMod(turn.getAndIncrement(), all.size())));
  }

  /** GETs of the keys {@code prefix0} .. {@code prefix<count - 1>} in turn, absent or not. */
  public static Supplier<CompletionStage<?>> readsOf(RedisLink link, String prefix, int count) {
    List<byte[]> keys =
        IntStream.range(0, count)
            .mapToObj(i -> (prefix + i).getBytes(StandardCharsets.UTF_8))
            .toList();
    return inTurn(keys, key -> link.commands().thenCompose(c -> c.get(key).toCompletableFuture()));
  }

  /** Warms on a virtual thread of its own; {@link #isWarm()} turns true when it is done. */
  public void start() {
    Thread.ofVirtual().name("redis-warm-up").start(this::run);
  }

  public boolean isWarm() {
    return warm;
  }

  void run() {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    int made = 0;
    int failed = 0;
    try {
      // Calls go out IN_FLIGHT at a time, as requests under load send them.
      for (int round = 0; round < rounds && System.nanoTime() < deadline; round += IN_FLIGHT) {
        List<CompletableFuture<?>> batch = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT && round + i < rounds; i++) {
          for (Supplier<? extends CompletionStage<?>> call : calls) {
            batch.add(started(call));
          }
        }
        int failedInBatch = 0;
        for (CompletableFuture<?> pending : batch) {
          try {
            pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          } catch (Exception failure) {
            failedInBatch++;
          }
          made++;
        }
        failed += failedInBatch;
        if (failedInBatch == batch.size()) {
          // Redis does not answer: nothing to warm, and the service serves without it.
          break;
        }
      }
    } finally {
      warm = true;
      LOG.info(
          "Redis warmed up: {} calls ({} failed) in {} ms",
          made,
          failed,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  private static CompletableFuture<?> started(Supplier<? extends CompletionStage<?>> call) {
    try {
      return call.get().toCompletableFuture();
    } catch (RuntimeException failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }
}
