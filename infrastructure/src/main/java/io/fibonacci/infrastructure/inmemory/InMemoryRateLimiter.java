package io.fibonacci.infrastructure.inmemory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fibonacci.application.port.in.ClientKey;
import io.fibonacci.application.port.out.FixedWindow;
import io.fibonacci.application.port.out.RateLimitDecision;
import io.fibonacci.application.port.out.RateLimitPolicy;
import io.fibonacci.application.port.out.RateLimiter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The rate limiter of a single instance: every client's bucket and window counters live in this
 * JVM.
 *
 * <p>Each client's state is a small record in a slot that is replaced under the slot's lock, so
 * concurrent requests of one client never both spend the same tokens; finding the slot is a
 * lock-free cache read. (Should a slot be evicted for size while a request holds it, that request's
 * update is lost and the client starts afresh: evictions happen only beyond {@code maxClients}.)
 * The state is bounded: at most {@code maxClients} clients are tracked (least valuable first out),
 * and a client idle for {@link RateLimitPolicy#idleExpiry()} is forgotten, which is harmless since
 * by then its bucket is full and its windows have ended. The cache's clock is the injected {@link
 * Clock}.
 *
 * <p>The bucket is kept as the instant at which it will be full again; the windows as the index of
 * the window last counted and its count. A rejected request changes nothing.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  /** The default bound on tracked clients. */
  public static final long DEFAULT_MAX_CLIENTS = 100_000;

  private final RateLimitPolicy policy;
  private final Clock clock;
  private final Cache<ClientKey, ClientSlot> clients;
  private final long capacityNanos;

  public InMemoryRateLimiter(RateLimitPolicy policy, long maxClients, Clock clock) {
    if (maxClients < 1) {
      throw new IllegalArgumentException("at least one client is tracked, got " + maxClients);
    }
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.capacityNanos = policy.refillNanos(policy.capacity());
    this.clients =
        Caffeine.newBuilder()
            .maximumSize(maxClients)
            .expireAfterAccess(policy.idleExpiry())
            .ticker(() -> RateLimitPolicy.epochNanos(clock.instant()))
            .executor(Runnable::run)
            .build();
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    Objects.requireNonNull(client, "client");
    if (cost < 1) {
      throw new IllegalArgumentException("a request costs at least 1 token, got " + cost);
    }
    long now = RateLimitPolicy.epochNanos(clock.instant());
    RateLimitDecision[] decision = new RateLimitDecision[1];
    // A lock-free read finds the client's slot; only that client's requests then contend.
    ClientSlot slot = clients.get(client, key -> new ClientSlot(ClientState.fresh(policy)));
    synchronized (slot) {
      slot.state = decide(slot.state, cost, now, decision);
    }
    return CompletableFuture.completedFuture(decision[0]);
  }

  @Override
  public long maxCost() {
    return policy.capacity();
  }

  /** The number of clients whose state is currently kept (after pending expiry and eviction). */
  long trackedClients() {
    clients.cleanUp();
    return clients.estimatedSize();
  }

  private ClientState decide(ClientState state, long cost, long now, RateLimitDecision[] out) {
    long epochSecond = Math.floorDiv(now, RateLimitPolicy.NANOS);
    List<FixedWindow> windows = policy.windows();
    long[] counts = new long[windows.size()];
    long[] indexes = new long[windows.size()];
    long retryAfterNanos = 0;
    boolean allowed = true;

    long debt = Math.max(0, state.fullAtNanos() - now);
    if (cost > policy.capacity()) {
      allowed = false;
      retryAfterNanos = Math.max(debt, 1);
    } else {
      long afterDebt = debt + policy.refillNanos(cost);
      if (afterDebt > capacityNanos) {
        allowed = false;
        retryAfterNanos = afterDebt - capacityNanos;
      }
    }
    for (int i = 0; i < windows.size(); i++) {
      FixedWindow window = windows.get(i);
      indexes[i] = window.indexAt(epochSecond);
      counts[i] = state.windowIndexes()[i] == indexes[i] ? state.windowCounts()[i] : 0;
      if (counts[i] >= window.limit()) {
        allowed = false;
        retryAfterNanos = Math.max(retryAfterNanos, window.endNanos(indexes[i]) - now);
      }
    }

    if (!allowed) {
      out[0] =
          RateLimitDecision.reject(
              policy.status(debt, indexes, counts, now),
              RateLimitPolicy.ceilSeconds(retryAfterNanos));
      return state;
    }
    long newDebt = debt + policy.refillNanos(cost);
    for (int i = 0; i < counts.length; i++) {
      counts[i]++;
    }
    out[0] = RateLimitDecision.allow(policy.status(newDebt, indexes, counts, now));
    return new ClientState(now + newDebt, indexes, counts);
  }

  /** The mutable holder of one client's state, guarded by its own monitor. */
  private static final class ClientSlot {
    private ClientState state;

    ClientSlot(ClientState state) {
      this.state = state;
    }
  }

  /**
   * One client's limits: when its bucket is full again, and per window the index last counted and
   * its count. Never mutated: each accepted request replaces it.
   */
  private record ClientState(long fullAtNanos, long[] windowIndexes, long[] windowCounts) {

    static ClientState fresh(RateLimitPolicy policy) {
      int n = policy.windows().size();
      long[] indexes = new long[n];
      Arrays.fill(indexes, Long.MIN_VALUE);
      return new ClientState(0, indexes, new long[n]);
    }
  }
}
