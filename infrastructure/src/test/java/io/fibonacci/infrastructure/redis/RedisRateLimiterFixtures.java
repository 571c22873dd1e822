package io.fibonacci.infrastructure.redis;

import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import java.time.Clock;
import java.util.Objects;

/** Redis limiters for tests: on the tests' clock rather than Redis's own. */
public final class RedisRateLimiterFixtures {

  private RedisRateLimiterFixtures() {}

  /** A limiter whose time is {@code clock}, handed to the script with each check. */
  public static RedisRateLimiter withClock(
      RedisLink link, RateLimitPolicy policy, String keyPrefix, Clock clock) {
    return new RedisRateLimiter(link, policy, keyPrefix, Objects.requireNonNull(clock, "clock"));
  }
}
