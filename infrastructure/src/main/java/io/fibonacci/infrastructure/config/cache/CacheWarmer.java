package io.fibonacci.infrastructure.config.cache;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the cache with the first {@code fibonacci.cache.warm-up-count} values when the application
 * starts, so the most requested small positions are answered from memory. It runs beside the start,
 * not in its way: the server accepts requests at once, and a request for a position not yet warmed
 * simply computes it (each is cheap).
 */
@Singleton
@Requires(beans = {FibonacciCache.class, FibonacciCalculator.class})
public class CacheWarmer implements ApplicationEventListener<StartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(CacheWarmer.class);

  private final FibonacciCache cache;
  private final FibonacciCalculator calculator;
  private final int count;

  public CacheWarmer(
      FibonacciCache cache,
      FibonacciCalculator calculator,
      CacheProperties properties,
      FibonacciProperties limits) {
    this.cache = cache;
    this.calculator = calculator;
    // Never warm positions the API refuses: at most F(0)..F(max-n).
    this.count = (int) Math.min(properties.warmUpCount(), limits.maxN() + 1L);
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    Thread.ofVirtual().name("cache-warmer").start(this::warmInBackground);
  }

  private void warmInBackground() {
    try {
      warm();
    } catch (RuntimeException failure) {
      LOG.warn("Cache warm-up stopped early; values will be computed on demand", failure);
    }
  }

  /** Caches F(0) .. F(count - 1); returns how many values were warmed. */
  public int warm() {
    if (count == 0) {
      return 0;
    }
    long started = System.nanoTime();
    for (int n = 0; n < count; n++) {
      cache
          .get(
              Position.of(n),
              position -> CompletableFuture.completedFuture(calculator.compute(position)))
          .join();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.info("Cache warmed with F(0)..F({}): {} values in {} ms", count - 1, count, millis);
    return count;
  }
}
