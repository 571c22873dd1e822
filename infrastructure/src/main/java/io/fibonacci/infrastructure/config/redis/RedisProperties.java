package io.fibonacci.infrastructure.config.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;

/**
 * {@code fibonacci.redis.*}: how the Redis adapters talk to Redis, and when they stop trying. Only
 * read when {@code redis.uri} is set.
 */
@ConfigurationProperties("fibonacci.redis")
public class RedisProperties {

  private Duration commandTimeout = Duration.ofMillis(250);
  private Duration connectTimeout = Duration.ofMillis(500);
  private Breaker breaker = new Breaker();

  /** {@code fibonacci.redis.command-timeout}: the longest wait for one command. Default 250ms. */
  public Duration getCommandTimeout() {
    return commandTimeout;
  }

  public void setCommandTimeout(Duration commandTimeout) {
    requirePositive("fibonacci.redis.command-timeout", commandTimeout);
    this.commandTimeout = commandTimeout;
  }

  /** {@code fibonacci.redis.connect-timeout}: the longest wait for a connection. Default 500ms. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    requirePositive("fibonacci.redis.connect-timeout", connectTimeout);
    this.connectTimeout = connectTimeout;
  }

  public Breaker getBreaker() {
    return breaker;
  }

  public void setBreaker(Breaker breaker) {
    this.breaker = breaker;
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigurationException(key + " must be a positive duration, got " + value);
    }
  }

  /**
   * {@code fibonacci.redis.breaker.*}: the circuit breakers of the cache tier and the limiter. Over
   * the last {@code window-size} calls (once at least {@code minimum-calls} were made), when {@code
   * failure-rate}% failed or {@code slow-call-rate}% took longer than {@code slow-call}, the
   * breaker opens: Redis is skipped for {@code open-for}, then {@code half-open-calls} probes
   * decide.
   */
  @ConfigurationProperties("breaker")
  public static class Breaker {

    private int windowSize = 20;
    private int minimumCalls = 10;
    private float failureRate = 50;
    private float slowCallRate = 80;
    private Duration slowCall = Duration.ofMillis(150);
    private Duration openFor = Duration.ofSeconds(5);
    private int halfOpenCalls = 3;

    public int getWindowSize() {
      return windowSize;
    }

    public void setWindowSize(int windowSize) {
      this.windowSize = windowSize;
    }

    public int getMinimumCalls() {
      return minimumCalls;
    }

    public void setMinimumCalls(int minimumCalls) {
      this.minimumCalls = minimumCalls;
    }

    public float getFailureRate() {
      return failureRate;
    }

    public void setFailureRate(float failureRate) {
      this.failureRate = failureRate;
    }

    public float getSlowCallRate() {
      return slowCallRate;
    }

    public void setSlowCallRate(float slowCallRate) {
      this.slowCallRate = slowCallRate;
    }

    public Duration getSlowCall() {
      return slowCall;
    }

    public void setSlowCall(Duration slowCall) {
      this.slowCall = slowCall;
    }

    public Duration getOpenFor() {
      return openFor;
    }

    public void setOpenFor(Duration openFor) {
      this.openFor = openFor;
    }

    public int getHalfOpenCalls() {
      return halfOpenCalls;
    }

    public void setHalfOpenCalls(int halfOpenCalls) {
      this.halfOpenCalls = halfOpenCalls;
    }
  }
}
