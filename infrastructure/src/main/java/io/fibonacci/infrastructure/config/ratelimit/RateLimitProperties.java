package io.fibonacci.infrastructure.config.ratelimit;

import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code rate-limit.*}: the limits every client is held to. {@code rate-limit.trusted-proxies} is
 * read by the HTTP layer, which decides who the client is.
 */
@ConfigurationProperties("rate-limit")
public class RateLimitProperties {

  private boolean enabled = true;
  private long maxClients = InMemoryRateLimiter.DEFAULT_MAX_CLIENTS;
  private Bucket bucket = new Bucket();
  private Windows windows = new Windows();

  /** {@code rate-limit.enabled}: false lets every request pass. Default true. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code rate-limit.max-clients}: clients tracked at once by one instance. Default 100,000. */
  public long getMaxClients() {
    return maxClients;
  }

  public void setMaxClients(long maxClients) {
    this.maxClients = maxClients;
  }

  public Bucket getBucket() {
    return bucket;
  }

  public void setBucket(Bucket bucket) {
    this.bucket = bucket;
  }

  public Windows getWindows() {
    return windows;
  }

  public void setWindows(Windows windows) {
    this.windows = windows;
  }

  /**
   * The policy these settings describe.
   *
   * @throws IllegalArgumentException naming the offending setting, when a value is out of range
   */
  public RateLimitPolicy toPolicy() {
    require(bucket.capacity >= 1, "rate-limit.bucket.capacity", "at least 1", bucket.capacity);
    require(
        bucket.refillPerSecond > 0 && bucket.refillPerSecond <= 1e9,
        "rate-limit.bucket.refill-per-second",
        "greater than 0 and at most 1000000000",
        bucket.refillPerSecond);
    require(
        windows.perMinute >= 0,
        "rate-limit.windows.per-minute",
        "0 (off) or more",
        windows.perMinute);
    require(
        windows.perHour >= 0, "rate-limit.windows.per-hour", "0 (off) or more", windows.perHour);
    require(windows.perDay >= 0, "rate-limit.windows.per-day", "0 (off) or more", windows.perDay);
    require(maxClients >= 1, "rate-limit.max-clients", "at least 1", maxClients);
    try {
      return RateLimitPolicy.of(
          bucket.capacity,
          bucket.refillPerSecond,
          windows.perMinute,
          windows.perHour,
          windows.perDay);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid rate-limit.bucket settings: " + e.getMessage(), e);
    }
  }

  private static void require(boolean valid, String key, String allowed, Object actual) {
    if (!valid) {
      throw new IllegalArgumentException(
          "Invalid configuration: " + key + " must be " + allowed + ", got " + actual);
    }
  }

  /** {@code rate-limit.bucket.*}: the token bucket. */
  @ConfigurationProperties("bucket")
  public static class Bucket {

    private long capacity = 1_000;
    private double refillPerSecond = 100;

    /** Tokens in a full bucket, and the largest cost of one request. Default 1000. */
    public long getCapacity() {
      return capacity;
    }

    public void setCapacity(long capacity) {
      this.capacity = capacity;
    }

    /** Tokens added per second, continuously. Default 100. */
    public double getRefillPerSecond() {
      return refillPerSecond;
    }

    public void setRefillPerSecond(double refillPerSecond) {
      this.refillPerSecond = refillPerSecond;
    }
  }

  /** {@code rate-limit.windows.*}: requests per fixed window; 0 turns a window off (default). */
  @ConfigurationProperties("windows")
  public static class Windows {

    private long perMinute;
    private long perHour;
    private long perDay;

    public long getPerMinute() {
      return perMinute;
    }

    public void setPerMinute(long perMinute) {
      this.perMinute = perMinute;
    }

    public long getPerHour() {
      return perHour;
    }

    public void setPerHour(long perHour) {
      this.perHour = perHour;
    }

    public long getPerDay() {
      return perDay;
    }

    public void setPerDay(long perDay) {
      this.perDay = perDay;
    }
  }
}
