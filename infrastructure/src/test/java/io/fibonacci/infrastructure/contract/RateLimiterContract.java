package io.fibonacci.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} adapter does, whatever its store. An adapter's test extends this
 * class and builds the adapter in {@link #limiter}.
 *
 * <p>Time is the {@link #clock} handed to the adapter: an adapter must take "now" from it (a store
 * with its own clock would have to be given the time), and must not rely on anything else moving.
 * Client keys are unique per test, so adapters sharing one store do not see each other's clients.
 */
public abstract class RateLimiterContract {

  /** Midnight UTC: the start of a day, an hour and a minute window all at once. */
  protected static final Instant MIDNIGHT = Instant.parse("2030-01-01T00:00:00Z");

  protected MutableClock clock;
  private String clientPrefix;

  /** A limiter enforcing {@code policy}, reading time from {@code clock}, with no clients yet. */
  protected abstract RateLimiter limiter(RateLimitPolicy policy, Clock clock);

  @BeforeEach
  void startTheClockTenSecondsAfterMidnight() {
    clock = new MutableClock(MIDNIGHT.plusSeconds(10));
    clientPrefix = UUID.randomUUID() + "-";
  }

  @Test
  void allowsRequestsUpToTheBucketCapacityThenRejectsThem() {
    RateLimiter limiter = limiter(bucket(5, 1));

    List<RateLimitDecision> decisions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      decisions.add(acquire(limiter, "alice", 1));
    }

    assertThat(decisions.subList(0, 5)).allMatch(RateLimitDecision::allowed);
    assertThat(decisions.get(5).allowed()).isFalse();
    assertThat(decisions.get(5).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void reportsRetryAfterAsTheWholeSecondsUntilTheCostIsRefilled() {
    RateLimiter limiter = limiter(bucket(10, 2));
    acquire(limiter, "alice", 10);

    RateLimitDecision decision = acquire(limiter, "alice", 5);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.retryAfterSeconds()).isEqualTo(3);
  }

  @Test
  void refillsContinuouslyAsTimePasses() {
    RateLimiter limiter = limiter(bucket(10, 10));
    acquire(limiter, "alice", 10);

    clock.advanceMillis(300);
    RateLimitDecision threeTokens = acquire(limiter, "alice", 3);
    RateLimitDecision oneMore = acquire(limiter, "alice", 1);

    assertThat(threeTokens.allowed()).isTrue();
    assertThat(oneMore.allowed()).isFalse();
  }

  @Test
  void refillsAtAFractionalRate() {
    RateLimiter limiter = limiter(bucket(2, 0.5));
    acquire(limiter, "alice", 2);

    RateLimitDecision early = acquire(limiter, "alice", 1);
    clock.advanceSeconds(2);
    RateLimitDecision onTime = acquire(limiter, "alice", 1);

    assertThat(early.allowed()).isFalse();
    assertThat(early.retryAfterSeconds()).isEqualTo(2);
    assertThat(onTime.allowed()).isTrue();
  }

  @Test
  void neverRefillsBeyondTheCapacity() {
    RateLimiter limiter = limiter(bucket(5, 1));

    clock.advance(Duration.ofHours(1));
    long allowed = countAllowed(limiter, "alice", 1, 10);

    assertThat(allowed).isEqualTo(5);
  }

  @Test
  void chargesEachRequestItsCost() {
    RateLimiter limiter = limiter(bucket(10, 1));

    RateLimitDecision seven = acquire(limiter, "alice", 7);
    RateLimitDecision four = acquire(limiter, "alice", 4);
    RateLimitDecision three = acquire(limiter, "alice", 3);

    assertThat(seven.allowed()).isTrue();
    assertThat(quota(seven, "bucket").remaining()).isEqualTo(3);
    assertThat(four.allowed()).isFalse();
    assertThat(three.allowed()).isTrue();
    assertThat(quota(three, "bucket").remaining()).isZero();
  }

  @Test
  void grantsAtMostTheBucketCapacityInOneRequest() {
    RateLimiter limiter = limiter(bucket(10, 1));

    RateLimitDecision tooCostly = acquire(limiter, "alice", 11);
    RateLimitDecision wholeBucket = acquire(limiter, "alice", 10);

    assertThat(limiter.maxCost()).isEqualTo(10);
    assertThat(tooCostly.allowed()).isFalse();
    assertThat(wholeBucket.allowed()).isTrue();
  }

  @Test
  void rejectedRequestConsumesNoTokens() {
    RateLimiter limiter = limiter(bucket(10, 1));
    acquire(limiter, "alice", 8);

    RateLimitDecision rejected = acquire(limiter, "alice", 5);
    RateLimitDecision rest = acquire(limiter, "alice", 2);

    assertThat(rejected.allowed()).isFalse();
    assertThat(quota(rejected, "bucket").remaining()).isEqualTo(2);
    assertThat(rest.allowed()).isTrue();
  }

  @Test
  void requestRejectedByTheBucketIsNotCountedInAnyWindow() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1, 1, 2, 0, 0));
    acquire(limiter, "alice", 1);
    RateLimitDecision rejectedByBucket = acquire(limiter, "alice", 1);

    clock.advanceSeconds(1);
    RateLimitDecision second = acquire(limiter, "alice", 1);
    clock.advanceSeconds(1);
    RateLimitDecision third = acquire(limiter, "alice", 1);

    assertThat(rejectedByBucket.allowed()).isFalse();
    assertThat(second.allowed()).isTrue();
    assertThat(third.allowed()).isFalse();
  }

  @Test
  void requestRejectedByAWindowConsumesNoTokens() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(10, 1, 1, 0, 0));
    acquire(limiter, "alice", 3);

    RateLimitDecision rejected = acquire(limiter, "alice", 3);

    assertThat(rejected.allowed()).isFalse();
    assertThat(quota(rejected, "bucket").remaining()).isEqualTo(7);
    assertThat(quota(rejected, "minute").remaining()).isZero();
  }

  @Test
  void minuteWindowRejectsUntilTheNextMinuteStarts() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1000, 100, 3, 0, 0));

    long allowed = countAllowed(limiter, "alice", 1, 3);
    RateLimitDecision fourth = acquire(limiter, "alice", 1);
    clock.advanceMillis(49_500);
    RateLimitDecision halfASecondBefore = acquire(limiter, "alice", 1);
    clock.advanceMillis(500);
    RateLimitDecision atTheBoundary = acquire(limiter, "alice", 1);

    assertThat(allowed).isEqualTo(3);
    assertThat(fourth.allowed()).isFalse();
    assertThat(fourth.retryAfterSeconds()).isEqualTo(50);
    assertThat(halfASecondBefore.allowed()).isFalse();
    assertThat(halfASecondBefore.retryAfterSeconds()).isEqualTo(1);
    assertThat(atTheBoundary.allowed()).isTrue();
  }

  @Test
  void windowsAreAlignedToTheClockNotToTheFirstRequest() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1000, 100, 1, 0, 0));
    clock.set(MIDNIGHT.plusSeconds(59));
    acquire(limiter, "alice", 1);

    clock.advanceSeconds(1);
    RateLimitDecision nextMinute = acquire(limiter, "alice", 1);

    assertThat(nextMinute.allowed()).isTrue();
  }

  @Test
  void hourWindowRejectsUntilTheNextHourStarts() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1000, 100, 0, 2, 0));
    countAllowed(limiter, "alice", 1, 2);

    RateLimitDecision third = acquire(limiter, "alice", 1);
    clock.set(MIDNIGHT.plus(Duration.ofHours(1)));
    RateLimitDecision nextHour = acquire(limiter, "alice", 1);

    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfterSeconds()).isEqualTo(3_600 - 10);
    assertThat(nextHour.allowed()).isTrue();
  }

  @Test
  void dayWindowRejectsUntilTheNextDayStarts() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1000, 100, 0, 0, 2));
    countAllowed(limiter, "alice", 1, 2);

    clock.set(MIDNIGHT.plus(Duration.ofHours(23)));
    RateLimitDecision lateThatDay = acquire(limiter, "alice", 1);
    clock.set(MIDNIGHT.plus(Duration.ofDays(1)));
    RateLimitDecision nextDay = acquire(limiter, "alice", 1);

    assertThat(lateThatDay.allowed()).isFalse();
    assertThat(lateThatDay.retryAfterSeconds()).isEqualTo(3_600);
    assertThat(nextDay.allowed()).isTrue();
  }

  @Test
  void retryAfterIsTheLongestWaitAmongTheRejectingLimits() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1, 1, 1, 1, 0));
    acquire(limiter, "alice", 1);

    RateLimitDecision rejected = acquire(limiter, "alice", 1);

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.retryAfterSeconds()).isEqualTo(3_600 - 10);
  }

  @Test
  void keepsTheLimitsOfEachClientApart() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(2, 1, 2, 0, 0));
    countAllowed(limiter, "alice", 1, 2);

    RateLimitDecision alice = acquire(limiter, "alice", 1);
    RateLimitDecision bob = acquire(limiter, "bob", 2);

    assertThat(alice.allowed()).isFalse();
    assertThat(bob.allowed()).isTrue();
  }

  @Test
  void reportsEveryQuotaBucketFirstThenTheWindowsFromShortestToLongest() {
    RateLimiter limiter = limiter(RateLimitPolicy.of(100, 10, 30, 50, 200));

    RateLimitDecision decision = acquire(limiter, "alice", 25);

    assertThat(decision.quotas())
        .containsExactly(
            new QuotaUsage("bucket", 100, 10, 75, 3),
            new QuotaUsage("minute", 30, 60, 29, 50),
            new QuotaUsage("hour", 50, 3_600, 49, 3_590),
            new QuotaUsage("day", 200, 86_400, 199, 86_390));
  }

  @Test
  void reportsTheBucketRemainingAndResetFromItsRefill() {
    RateLimiter limiter = limiter(bucket(10, 1));
    acquire(limiter, "alice", 4);

    clock.advanceMillis(2_500);
    RateLimitDecision partlyRefilled = acquire(limiter, "alice", 1);
    clock.advanceSeconds(60);
    RateLimitDecision afterAMinute = acquire(limiter, "alice", 1);

    assertThat(quota(partlyRefilled, "bucket").remaining()).isEqualTo(7);
    assertThat(quota(partlyRefilled, "bucket").resetSeconds()).isEqualTo(3);
    assertThat(quota(afterAMinute, "bucket").remaining()).isEqualTo(9);
    assertThat(quota(afterAMinute, "bucket").resetSeconds()).isEqualTo(1);
  }

  @Test
  void reportsOnlyTheBucketWhenNoWindowIsConfigured() {
    RateLimiter limiter = limiter(bucket(10, 1));

    RateLimitDecision decision = acquire(limiter, "alice", 1);

    assertThat(decision.quotas()).extracting(QuotaUsage::name).containsExactly("bucket");
  }

  @Test
  void grantsExactlyTheCapacityToManyConcurrentRequestsOfOneClient() throws Exception {
    RateLimiter limiter = limiter(bucket(100, 1));

    long allowed = countAllowedConcurrently(limiter, "alice", 16, 50);

    assertThat(allowed).isEqualTo(100);
  }

  @Test
  void grantsExactlyTheWindowLimitToManyConcurrentRequestsOfOneClient() throws Exception {
    RateLimiter limiter = limiter(RateLimitPolicy.of(1000, 1, 70, 0, 0));

    long allowed = countAllowedConcurrently(limiter, "alice", 16, 50);

    assertThat(allowed).isEqualTo(70);
  }

  private RateLimiter limiter(RateLimitPolicy policy) {
    return limiter(policy, clock);
  }

  private static RateLimitPolicy bucket(long capacity, double refillPerSecond) {
    return RateLimitPolicy.of(capacity, refillPerSecond, 0, 0, 0);
  }

  /** The key of a client, unique to this test run. */
  protected ClientKey client(String name) {
    return ClientKey.of(clientPrefix + name);
  }

  private RateLimitDecision acquire(RateLimiter limiter, String client, long cost) {
    return limiter.tryAcquire(client(client), cost).toCompletableFuture().join();
  }

  private long countAllowed(RateLimiter limiter, String client, long cost, int requests) {
    long allowed = 0;
    for (int i = 0; i < requests; i++) {
      if (acquire(limiter, client, cost).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  private long countAllowedConcurrently(
      RateLimiter limiter, String client, int threads, int requestsPerThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Long> requests =
            () -> {
              start.await();
              return countAllowed(limiter, client, 1, requestsPerThread);
            };
        results.add(pool.submit(requests));
      }
      start.countDown();
      long allowed = 0;
      for (Future<Long> result : results) {
        allowed += result.get();
      }
      return allowed;
    } finally {
      pool.shutdownNow();
    }
  }

  private static QuotaUsage quota(RateLimitDecision decision, String name) {
    return decision.quotas().stream()
        .filter(quota -> quota.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no quota named " + name));
  }
}
