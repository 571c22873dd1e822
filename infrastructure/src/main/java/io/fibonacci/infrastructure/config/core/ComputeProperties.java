package io.fibonacci.infrastructure.config.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

/** {@code fibonacci.compute.*}: where computations run, and how many may wait. */
@ConfigurationProperties("fibonacci.compute")
public class ComputeProperties {

  private int inlineMaxN = 10_000;
  private int threads;
  private int queueCapacity = 32;

  public int getInlineMaxN() {
    return inlineMaxN;
  }

  public void setInlineMaxN(int inlineMaxN) {
    if (inlineMaxN < 0) {
      throw new ConfigurationException("fibonacci.compute.inline-max-n must be 0 or more");
    }
    this.inlineMaxN = inlineMaxN;
  }

  /**
   * Threads of the pool; 0 means one fewer than the available processors (at least one), so that
   * heavy computations can never take every core from the event loops serving cheap requests.
   */
  public int getThreads() {
    return threads;
  }

  public void setThreads(int threads) {
    if (threads < 0) {
      throw new ConfigurationException("fibonacci.compute.threads must be 0 or more");
    }
    this.threads = threads;
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    if (queueCapacity < 1) {
      throw new ConfigurationException("fibonacci.compute.queue-capacity must be 1 or more");
    }
    this.queueCapacity = queueCapacity;
  }
}
