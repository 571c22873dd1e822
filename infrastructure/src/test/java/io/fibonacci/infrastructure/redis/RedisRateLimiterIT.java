package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.contract.RateLimiterContract;
import io.fibonacci.infrastructure.testing.MutableClock;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimiterIT extends RateLimiterContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Override
  protected RateLimiter limiter(RateLimitPolicy policy, Clock clock) {
    return RedisRateLimiterFixtures.withClock(REDIS.newLink(), policy, keyPrefix(), clock);
  }

  @Test
  void leavesATimeToLiveOnEveryKeyOfABurstOfClients() {
    RateLimiter limiter =
        RedisRateLimiter.withServerTime(
            REDIS.newLink(), RateLimitPolicy.of(10, 0.01, 30, 50, 200), keyPrefix());
    List<CompletableFuture<RateLimitDecision>> burst = new ArrayList<>();

    for (int i = 0; i < 10_000; i++) {
      burst.add(limiter.tryAcquire(client("burst-" + i), 1).toCompletableFuture());
    }
    CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).join();
    List<String> keys = REDIS.keys(keyPrefix() + "{" + client("burst-").value() + "*");
    List<Long> ttls = keys.stream().map(key -> REDIS.inspect().pttl(key)).toList();

    // A window key may expire between SCAN and PTTL (-2); a key without a time to live is -1.
    assertThat(keys.stream().filter(key -> key.endsWith(":bucket"))).hasSize(10_000);
    assertThat(keys).hasSizeGreaterThanOrEqualTo(30_000);
    assertThat(ttls)
        .doesNotContain(-1L)
        .allSatisfy(ttl -> assertThat(ttl).isLessThanOrEqualTo(86_400_000L));
  }

  @Test
  void instancesWithSkewedClocksAgreeBecauseTheTimeIsRedissOwn() {
    RateLimitPolicy policy = RateLimitPolicy.of(5, 0.001, 1, 0, 0);
    RateLimiter first = RedisRateLimiter.withServerTime(REDIS.newLink(), policy, keyPrefix());
    RateLimiter second = RedisRateLimiter.withServerTime(REDIS.newLink(), policy, keyPrefix());
    // The same two instances if each trusted its own clock, five minutes apart.
    Instant now = Instant.now();
    RateLimiter trustingAhead =
        RedisRateLimiterFixtures.withClock(
            REDIS.newLink(), policy, keyPrefix(), new MutableClock(now.plusSeconds(300)));
    RateLimiter trustingBehind =
        RedisRateLimiterFixtures.withClock(
            REDIS.newLink(), policy, keyPrefix(), new MutableClock(now));

    RateLimitDecision firstOnFirst = acquire(first, "alice", 1);
    RateLimitDecision thenOnSecond = acquire(second, "alice", 1);
    RateLimitDecision firstAhead = acquire(trustingAhead, "bob", 1);
    RateLimitDecision thenBehind = acquire(trustingBehind, "bob", 1);

    assertThat(firstOnFirst.allowed()).isTrue();
    assertThat(thenOnSecond.allowed()).isFalse();
    assertThat(thenOnSecond.quotas().get(1).remaining()).isZero();
    assertThat(bucket(thenOnSecond).remaining()).isEqualTo(4);
    // Skewed clocks put the same request in different minute windows: the quota is granted twice.
    assertThat(firstAhead.allowed()).isTrue();
    assertThat(thenBehind.allowed()).isTrue();
  }

  @Test
  void instancesSharingOneRedisGrantExactlyTheWindowLimitInTotal() throws Exception {
    RateLimitPolicy policy = RateLimitPolicy.of(100_000, 1_000, 0, 0, 250);
    RateLimiter first = RedisRateLimiter.withServerTime(REDIS.newLink(), policy, keyPrefix());
    RateLimiter second = RedisRateLimiter.withServerTime(REDIS.newLink(), policy, keyPrefix());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> threads = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        RateLimiter limiter = t % 2 == 0 ? first : second;
        Callable<Long> hammer =
            () -> {
              start.await();
              long allowed = 0;
              for (int i = 0; i < 50; i++) {
                allowed += acquire(limiter, "everyone", 1).allowed() ? 1 : 0;
              }
              return allowed;
            };
        threads.add(pool.submit(hammer));
      }
      start.countDown();
      long allowed = 0;
      for (Future<Long> thread : threads) {
        allowed += thread.get();
      }

      assertThat(allowed).isEqualTo(250);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reloadsTheScriptWhenRedisHasForgottenIt() {
    RateLimiter limiter =
        RedisRateLimiterFixtures.withClock(
            REDIS.newLink(), RateLimitPolicy.of(3, 1, 0, 0, 0), keyPrefix(), clock);
    acquire(limiter, "alice", 1);

    REDIS.inspect().scriptFlush();
    RateLimitDecision afterTheFlush = acquire(limiter, "alice", 1);

    assertThat(afterTheFlush.allowed()).isTrue();
    assertThat(bucket(afterTheFlush).remaining()).isEqualTo(1);
  }

  @Test
  void storesTheClientsStateUnderVersionedKeysWithTheClientAsHashTag() {
    RateLimiter limiter =
        RedisRateLimiterFixtures.withClock(
            REDIS.newLink(), RateLimitPolicy.of(10, 1, 30, 0, 0), keyPrefix(), clock);

    acquire(limiter, "carol", 1);
    String base = keyPrefix() + "{" + client("carol").value() + "}:";

    assertThat(REDIS.keys(base + "*"))
        .containsExactlyInAnyOrder(base + "bucket", base + "minute:" + (clock.millis() / 60_000));
    assertThat(REDIS.inspect().get(base + "minute:" + (clock.millis() / 60_000))).isEqualTo("1");
  }

  private static String keyPrefix() {
    return REDIS.keyPrefix() + RedisRateLimiter.KEY_PREFIX;
  }

  private RateLimitDecision acquire(RateLimiter limiter, String client, long cost) {
    ClientKey key = client(client);
    return limiter.tryAcquire(key, cost).toCompletableFuture().join();
  }

  private static QuotaUsage bucket(RateLimitDecision decision) {
    return decision.quotas().get(0);
  }
}
