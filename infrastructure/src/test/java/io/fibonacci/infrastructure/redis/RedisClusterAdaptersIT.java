package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.testing.RedisClusterTestServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate limiter and the cache tier through a cluster link, against a real 6-node Redis Cluster:
 * the limiter's keys of one client share a slot (its hash tag), so its script runs where they are,
 * and limits stay exact across two links for clients spread over every master.
 */
class RedisClusterAdaptersIT {

  @RegisterExtension static final RedisClusterTestServer CLUSTER = new RedisClusterTestServer();

  @Test
  void keepsEachClientsLimitExactAcrossTwoLinksWhateverItsSlot() {
    RedisLink first = CLUSTER.newLink();
    RedisLink second = CLUSTER.newLink();
    // a window too, so the script also touches the client's window key (same hash tag, same slot)
    RateLimitPolicy policy = RateLimitPolicy.of(3, 0.001, 100, 0, 0);
    String prefix = "rl:it:" + UUID.randomUUID() + ":";
    RateLimiter one = RedisRateLimiter.withServerTime(first, policy, prefix);
    RateLimiter other = RedisRateLimiter.withServerTime(second, policy, prefix);
    Set<Integer> slots = new HashSet<>();
    int exact = 0;

    for (int i = 0; i < 30; i++) {
      ClientKey client = ClientKey.of("198.51.100." + i);
      int allowed = 0;
      for (int attempt = 0; attempt < 6; attempt++) {
        RateLimiter limiter = attempt % 2 == 0 ? one : other;
        if (limiter.tryAcquire(client, 1).toCompletableFuture().join().allowed()) {
          allowed++;
        }
      }
      exact += allowed == 3 ? 1 : 0;
      slots.add(CLUSTER.slotOf(prefix + "{" + client.value() + "}:bucket"));
    }

    assertThat(exact).isEqualTo(30);
    // thirty clients land on many slots, so on every master
    assertThat(slots).hasSizeGreaterThan(20);
  }

  @Test
  void cachesValuesOnTheMasterOfTheirSlotAndFindsThemThroughAnotherLink() {
    String prefix = "fib:it:" + UUID.randomUUID() + ":";
    RedisLink writer = CLUSTER.newLink();
    RedisLink reader = CLUSTER.newLink();
    FibonacciCache written = cache(writer, prefix);
    FibonacciCache read = cache(reader, prefix);
    AtomicInteger loads = new AtomicInteger();

    for (int n : List.of(1_000, 2_000, 3_000, 4_000, 5_000)) {
      written.get(Position.of(n), position -> load(position, loads)).join();
    }
    int loadsAfterWriting = loads.get();
    for (int n : List.of(1_000, 2_000, 3_000, 4_000, 5_000)) {
      FibonacciNumber found = read.get(Position.of(n), position -> load(position, loads)).join();
      assertThat(found.decimal())
          .isEqualTo(FibonacciNumbers.computed(Position.of(n)).join().decimal());
    }

    assertThat(loadsAfterWriting).isEqualTo(5);
    assertThat(loads).hasValue(5);
  }

  private static FibonacciCache cache(RedisLink link, String prefix) {
    return new RedisFibonacciCache(
        link,
        prefix,
        Duration.ofMinutes(5),
        4L * 1024 * 1024,
        CircuitBreaker.ofDefaults("cluster-it"));
  }

  private static CompletableFuture<FibonacciNumber> load(Position position, AtomicInteger loads) {
    loads.incrementAndGet();
    return FibonacciNumbers.computed(position);
  }
}
