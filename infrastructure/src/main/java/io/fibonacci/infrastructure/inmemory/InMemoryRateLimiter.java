package io.fibonacci.infrastructure.inmemory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.LimitState;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitOutcome;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import java.time.Clock;
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
 * <p>The rule itself is {@link RateLimitPolicy#decide}; this class only keeps each client's {@link
 * LimitState} between requests.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  /** The default bound on tracked clients. */
  public static final long DEFAULT_MAX_CLIENTS = 100_000;

  private final RateLimitPolicy policy;
  private final Clock clock;
  private final Cache<ClientKey, ClientSlot> clients;

  public InMemoryRateLimiter(RateLimitPolicy policy, long maxClients, Clock clock) {
    if (maxClients < 1) {
      throw new IllegalArgumentException("at least one client is tracked, got " + maxClients);
    }
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    // A lock-free read finds the client's slot; only that client's requests then contend.
    ClientSlot slot = clients.get(client, key -> new ClientSlot(LimitState.fresh(policy)));
    RateLimitOutcome outcome;
    synchronized (slot) {
      outcome = policy.decide(slot.state, now, cost);
      slot.state = outcome.next();
    }
    return CompletableFuture.completedFuture(outcome.decision());
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

  /** The mutable holder of one client's state, guarded by its own monitor. */
  private static final class ClientSlot {
    private LimitState state;

    ClientSlot(LimitState state) {
      this.state = state;
    }
  }
}
