package io.fibonacci.infrastructure.config.ratelimit;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code rate-limit.*}: the limits every client is held to. {@code rate-limit.trusted-proxies} is
 * read by the HTTP layer, which decides who the client is.
 *
 * @param enabled {@code rate-limit.enabled}: false lets every request pass. Default true.
 * @param maxClients {@code rate-limit.max-clients}: clients tracked at once by one instance. At
 *     least 1, default 100,000.
 * @param bucket {@code rate-limit.bucket.*}: the token bucket
 * @param windows {@code rate-limit.windows.*}: the fixed windows
 */
@ConfigurationProperties("rate-limit")
public record RateLimitProperties(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "" + InMemoryRateLimiter.DEFAULT_MAX_CLIENTS) long maxClients,
    Bucket bucket,
    Windows windows) {

  public RateLimitProperties {
    require(maxClients >= 1, "rate-limit.max-clients", "at least 1", maxClients);
  }

  /** The policy these settings describe; every value was checked when they were bound. */
  public RateLimitPolicy toPolicy() {
    return RateLimitPolicy.of(
        bucket.capacity(),
        bucket.refillPerSecond(),
        windows.perMinute(),
        windows.perHour(),
        windows.perDay());
  }

  /**
   * {@code rate-limit.bucket.*}: the token bucket.
   *
   * @param capacity {@code rate-limit.bucket.capacity}: tokens in a full bucket, and the largest
   *     cost of one request. At least 1, default 1000.
   * @param refillPerSecond {@code rate-limit.bucket.refill-per-second}: tokens added per second,
   *     continuously. Greater than 0 and at most 10^9, default 100.
   */
  @ConfigurationProperties("bucket")
  public record Bucket(
      @Bindable(defaultValue = "1000") long capacity,
      @Bindable(defaultValue = "100") double refillPerSecond) {

    public Bucket {
      require(capacity >= 1, "rate-limit.bucket.capacity", "at least 1", capacity);
      require(
          refillPerSecond > 0 && refillPerSecond <= 1e9,
          "rate-limit.bucket.refill-per-second",
          "greater than 0 and at most 1000000000",
          refillPerSecond);
      try {
        // The one rule that joins both values (the time to fill must fit the arithmetic) is the
        // domain's: ask it rather than copy it.
        new RateLimitPolicy(capacity, refillPerSecond, List.of());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "Invalid configuration: rate-limit.bucket.*: " + e.getMessage(), e);
      }
    }
  }

  /**
   * {@code rate-limit.windows.*}: requests per fixed window; 0 turns a window off (default).
   *
   * @param perMinute {@code rate-limit.windows.per-minute}: requests per minute. 0 (off) or more,
   *     default 0.
   * @param perHour {@code rate-limit.windows.per-hour}: requests per hour. 0 (off) or more, default
   *     0.
   * @param perDay {@code rate-limit.windows.per-day}: requests per day. 0 (off) or more, default 0.
   */
  @ConfigurationProperties("windows")
  public record Windows(
      @Bindable(defaultValue = "0") long perMinute,
      @Bindable(defaultValue = "0") long perHour,
      @Bindable(defaultValue = "0") long perDay) {

    public Windows {
      require(perMinute >= 0, "rate-limit.windows.per-minute", "0 (off) or more", perMinute);
      require(perHour >= 0, "rate-limit.windows.per-hour", "0 (off) or more", perHour);
      require(perDay >= 0, "rate-limit.windows.per-day", "0 (off) or more", perDay);
    }
  }
}
