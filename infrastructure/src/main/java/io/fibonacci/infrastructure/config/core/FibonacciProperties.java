package io.fibonacci.infrastructure.config.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

/** {@code fibonacci.*}: the largest position answered synchronously. */
@ConfigurationProperties("fibonacci")
public class FibonacciProperties {

  private int maxN = 10_000_000;

  public int getMaxN() {
    return maxN;
  }

  public void setMaxN(int maxN) {
    if (maxN < 0) {
      throw new ConfigurationException("fibonacci.max-n must be 0 or more, got " + maxN);
    }
    this.maxN = maxN;
  }
}
