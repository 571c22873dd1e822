package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitCases;
import io.fibonacci.domain.model.ratelimit.RateLimitCases.Case;
import io.fibonacci.domain.model.ratelimit.RateLimitCases.Step;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.testing.MutableClock;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain's table of rate-limit cases against {@code rate-limit.lua} in a real Redis: the script
 * decides (and stores), so a rule that drifted from {@link RateLimitPolicy#decide} fails here.
 */
class RateLimitScriptCasesIT {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  static List<Case> cases() {
    return RateLimitCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theScriptDecidesEveryStepAsTheTableSays(Case limitCase) {
    MutableClock clock = new MutableClock(Instant.EPOCH);
    RedisRateLimiter limiter =
        RedisRateLimiterFixtures.withClock(
            REDIS.newLink(), limitCase.policy(), REDIS.keyPrefix() + limitCase.name() + ":", clock);
    ClientKey client = ClientKey.of("client");

    for (int i = 0; i < limitCase.steps().size(); i++) {
      Step step = limitCase.steps().get(i);
      clock.set(
          Instant.ofEpochSecond(
              Math.floorDiv(step.atNanos(), RateLimitPolicy.NANOS),
              Math.floorMod(step.atNanos(), RateLimitPolicy.NANOS)));

      RateLimitDecision decision =
          limiter.tryAcquire(client, step.cost()).toCompletableFuture().join();

      assertThat(step.mismatch(decision)).as("step %d", i + 1).isNull();
    }
  }
}
