package io.fibonacci.infrastructure.config.cache;

import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code fibonacci.cache.*}: the local cache tier, the Redis tier and the warm-up. */
@ConfigurationProperties("fibonacci.cache")
public class CacheProperties {

  private int warmUpCount = 1_000;
  private Local local = new Local();
  private Redis redis = new Redis();

  /** {@code fibonacci.cache.warm-up-count}: F(0) .. F(count - 1) are cached at startup. */
  public int getWarmUpCount() {
    return warmUpCount;
  }

  public void setWarmUpCount(int warmUpCount) {
    this.warmUpCount = warmUpCount;
  }

  public Local getLocal() {
    return local;
  }

  public void setLocal(Local local) {
    this.local = local;
  }

  public Redis getRedis() {
    return redis;
  }

  public void setRedis(Redis redis) {
    this.redis = redis;
  }

  /** {@code fibonacci.cache.local.*}: the in-process tier. */
  @ConfigurationProperties("local")
  public static class Local {

    private long maxBytes = CaffeineFibonacciCache.DEFAULT_MAX_BYTES;

    /**
     * {@code fibonacci.cache.local.max-bytes}: approximate bytes held by values and their gzip
     * forms, in direct memory from 1 KiB of digits on. Default 128 MiB.
     */
    public long getMaxBytes() {
      return maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
    }
  }

  /** {@code fibonacci.cache.redis.*}: the shared tier, used when {@code redis.uri} is set. */
  @ConfigurationProperties("redis")
  public static class Redis {

    private int minN = 10_000;
    private Duration ttl = Duration.ofHours(24);
    private long maxValueBytes = 4L * 1024 * 1024;

    /**
     * {@code fibonacci.cache.redis.min-n}: the smallest position looked up in Redis. Below it a
     * value is computed faster than a round trip fetches it (F(10^4) takes about 150 µs, a loopback
     * round trip 50-100 µs, a network one more). Default 10000.
     */
    public int getMinN() {
      return minN;
    }

    public void setMinN(int minN) {
      this.minN = minN;
    }

    /** {@code fibonacci.cache.redis.ttl}: how long a value stays in Redis. Default 24h. */
    public Duration getTtl() {
      return ttl;
    }

    public void setTtl(Duration ttl) {
      this.ttl = ttl;
    }

    /**
     * {@code fibonacci.cache.redis.max-value-bytes}: larger values stay out of Redis. Default 4
     * MiB, which admits F(10^7) (2.09 MB).
     */
    public long getMaxValueBytes() {
      return maxValueBytes;
    }

    public void setMaxValueBytes(long maxValueBytes) {
      this.maxValueBytes = maxValueBytes;
    }
  }
}
