package io.fibonacci.infrastructure.config.redis;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code fibonacci.redis.*}: how the Redis adapters talk to Redis, and when they stop trying. Only
 * read when {@code redis.uri} is set.
 *
 * @param commandTimeout {@code fibonacci.redis.command-timeout}: the longest wait for one command.
 *     A positive duration, default 250ms.
 * @param connectTimeout {@code fibonacci.redis.connect-timeout}: the longest wait for a connection.
 *     A positive duration, default 500ms.
 * @param warmUpRounds {@code fibonacci.redis.warm-up-rounds}: rounds of a rate-limit check and a
 *     cache read, 8 at a time, made at start before readiness turns UP (at most 10 s), so that the
 *     first requests do not meet cold connections and a cold client and open the breakers. 0 or
 *     more (0: none), default 2000.
 * @param breaker {@code fibonacci.redis.breaker.*}: the circuit breakers
 */
@ConfigurationProperties("fibonacci.redis")
public record RedisProperties(
    @Bindable(defaultValue = "250ms") Duration commandTimeout,
    @Bindable(defaultValue = "500ms") Duration connectTimeout,
    @Bindable(defaultValue = "2000") int warmUpRounds,
    Breaker breaker) {

  public RedisProperties {
    require(
        commandTimeout != null && commandTimeout.isPositive(),
        "fibonacci.redis.command-timeout",
        "a positive duration",
        commandTimeout);
    require(
        connectTimeout != null && connectTimeout.isPositive(),
        "fibonacci.redis.connect-timeout",
        "a positive duration",
        connectTimeout);
    require(warmUpRounds >= 0, "fibonacci.redis.warm-up-rounds", "0 or more", warmUpRounds);
  }

  /**
   * {@code fibonacci.redis.breaker.*}: the circuit breakers of the cache tier and the limiter. Over
   * the last {@code window-size} calls (once at least {@code minimum-calls} were made), when {@code
   * failure-rate}% failed or {@code slow-call-rate}% took longer than {@code slow-call}, the
   * breaker opens: Redis is skipped for {@code open-for}, then {@code half-open-calls} probes
   * decide.
   *
   * @param windowSize {@code fibonacci.redis.breaker.window-size}: the calls the rates are measured
   *     over. At least 1, default 20.
   * @param minimumCalls {@code fibonacci.redis.breaker.minimum-calls}: the calls made before the
   *     rates count. At least 1, default 10.
   * @param failureRate {@code fibonacci.redis.breaker.failure-rate}: the percentage of failed calls
   *     that opens the breaker. Greater than 0 and at most 100, default 50.
   * @param slowCallRate {@code fibonacci.redis.breaker.slow-call-rate}: the percentage of slow
   *     calls that opens the breaker. Greater than 0 and at most 100, default 80.
   * @param slowCall {@code fibonacci.redis.breaker.slow-call}: a call longer than this is slow. At
   *     least 1ns, default 150ms.
   * @param openFor {@code fibonacci.redis.breaker.open-for}: how long Redis is skipped once the
   *     breaker opens. At least 1ms, default 5s.
   * @param halfOpenCalls {@code fibonacci.redis.breaker.half-open-calls}: the probes that decide
   *     whether the breaker closes again. At least 1, default 3.
   */
  @ConfigurationProperties("breaker")
  public record Breaker(
      @Bindable(defaultValue = "20") int windowSize,
      @Bindable(defaultValue = "10") int minimumCalls,
      @Bindable(defaultValue = "50") float failureRate,
      @Bindable(defaultValue = "80") float slowCallRate,
      @Bindable(defaultValue = "150ms") Duration slowCall,
      @Bindable(defaultValue = "5s") Duration openFor,
      @Bindable(defaultValue = "3") int halfOpenCalls) {

    private static final String KEY = "fibonacci.redis.breaker.";
    private static final String PERCENTAGE = "greater than 0 and at most 100";

    public Breaker {
      require(windowSize >= 1, KEY + "window-size", "at least 1", windowSize);
      require(minimumCalls >= 1, KEY + "minimum-calls", "at least 1", minimumCalls);
      require(failureRate > 0 && failureRate <= 100, KEY + "failure-rate", PERCENTAGE, failureRate);
      require(
          slowCallRate > 0 && slowCallRate <= 100,
          KEY + "slow-call-rate",
          PERCENTAGE,
          slowCallRate);
      require(
          slowCall != null && slowCall.isPositive(), KEY + "slow-call", "at least 1ns", slowCall);
      require(
          openFor != null && openFor.compareTo(Duration.ofMillis(1)) >= 0,
          KEY + "open-for",
          "at least 1ms",
          openFor);
      require(halfOpenCalls >= 1, KEY + "half-open-calls", "at least 1", halfOpenCalls);
    }
  }
}
