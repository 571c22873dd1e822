package io.fibonacci.infrastructure.config.core;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code fibonacci.compute.*}: where computations run, and how many may wait.
 *
 * @param inlineMaxN {@code fibonacci.compute.inline-max-n}: n up to this is computed on the calling
 *     thread (cheaper than a thread hop), larger n on the pool; 0 or more. Default 10000.
 * @param threads {@code fibonacci.compute.threads}: threads of the pool; 0 means one fewer than the
 *     available processors (at least one), so that heavy computations can never take every core
 *     from the event loops serving cheap requests. 0 or more, default 0.
 * @param queueCapacity {@code fibonacci.compute.queue-capacity}: heavy computations waiting for a
 *     thread; beyond it, requests are shed. 1 or more, default 32.
 */
@ConfigurationProperties("fibonacci.compute")
public record ComputeProperties(
    @Bindable(defaultValue = "10000") int inlineMaxN,
    @Bindable(defaultValue = "0") int threads,
    @Bindable(defaultValue = "32") int queueCapacity) {

  public ComputeProperties {
    require(inlineMaxN >= 0, "fibonacci.compute.inline-max-n", "0 or more", inlineMaxN);
    require(threads >= 0, "fibonacci.compute.threads", "0 or more", threads);
    require(queueCapacity >= 1, "fibonacci.compute.queue-capacity", "1 or more", queueCapacity);
  }

  /** The threads of the pool: {@link #threads()}, or when 0 one fewer than the processors. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }
}
