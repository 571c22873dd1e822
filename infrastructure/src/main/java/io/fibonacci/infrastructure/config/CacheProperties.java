package io.fibonacci.infrastructure.config;

import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code fibonacci.cache.*}: the local cache tier and its warm-up. */
@ConfigurationProperties("fibonacci.cache")
public class CacheProperties {

  private int warmUpCount = 1_000;
  private Local local = new Local();

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

  /** {@code fibonacci.cache.local.*}: the in-process tier. */
  @ConfigurationProperties("local")
  public static class Local {

    private long maxBytes = CaffeineFibonacciCache.DEFAULT_MAX_BYTES;

    /**
     * {@code fibonacci.cache.local.max-bytes}: approximate heap held by values. Default 128 MiB.
     */
    public long getMaxBytes() {
      return maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
    }
  }
}
