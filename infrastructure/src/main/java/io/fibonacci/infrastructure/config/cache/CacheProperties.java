package io.fibonacci.infrastructure.config.cache;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code fibonacci.cache.*}: the warm-up, and in nested groups the local cache tier and the Redis
 * tier.
 *
 * <p>Each group is a bean of its own, injected where it is used rather than held here: the Redis
 * tier's settings are bound, and checked, only when Redis is configured, as the tier itself is.
 *
 * @param warmUpCount {@code fibonacci.cache.warm-up-count}: F(0) .. F(count - 1) are cached at
 *     startup; 0 turns the warm-up off. Default 1000.
 */
@ConfigurationProperties("fibonacci.cache")
public record CacheProperties(@Bindable(defaultValue = "1000") int warmUpCount) {

  public CacheProperties {
    require(warmUpCount >= 0, "fibonacci.cache.warm-up-count", "0 (off) or more", warmUpCount);
  }

  /**
   * {@code fibonacci.cache.local.*}: the in-process tier.
   *
   * @param maxBytes {@code fibonacci.cache.local.max-bytes}: approximate bytes held by values and
   *     their gzip forms, in direct memory from 1 KiB of digits on. At least 1, default 128 MiB.
   */
  @ConfigurationProperties("local")
  public record Local(
      @Bindable(defaultValue = "" + CaffeineFibonacciCache.DEFAULT_MAX_BYTES) long maxBytes) {

    public Local {
      require(maxBytes >= 1, "fibonacci.cache.local.max-bytes", "at least 1", maxBytes);
    }
  }

  /**
   * {@code fibonacci.cache.redis.*}: the shared tier, used when {@code redis.uri} is set.
   *
   * @param minN {@code fibonacci.cache.redis.min-n}: the smallest position looked up in Redis.
   *     Below it a value is computed faster than a round trip fetches it (F(10^4) takes about 150
   *     µs, a loopback round trip 50-100 µs, a network one more). 0 or more, default 10000.
   * @param ttl {@code fibonacci.cache.redis.ttl}: how long a value stays in Redis. At least 1ms,
   *     default 24h.
   * @param maxValueBytes {@code fibonacci.cache.redis.max-value-bytes}: larger values stay out of
   *     Redis. At least 1, default 4 MiB, which admits F(10^7) (2.09 MB).
   */
  @ConfigurationProperties("redis")
  public record Redis(
      @Bindable(defaultValue = "10000") int minN,
      @Bindable(defaultValue = "24h") Duration ttl,
      @Bindable(defaultValue = "4194304") long maxValueBytes) {

    public Redis {
      require(minN >= 0, "fibonacci.cache.redis.min-n", "0 or more", minN);
      require(ttl != null && ttl.toMillis() >= 1, "fibonacci.cache.redis.ttl", "at least 1ms", ttl);
      require(
          maxValueBytes >= 1, "fibonacci.cache.redis.max-value-bytes", "at least 1", maxValueBytes);
    }
  }
}
