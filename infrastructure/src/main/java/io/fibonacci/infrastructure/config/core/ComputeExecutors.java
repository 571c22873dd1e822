package io.fibonacci.infrastructure.config.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool for heavy computations: a fixed number of threads and a bounded queue, so a burst of
 * large requests waits in a known line or is shed, and never starves the event loop.
 */
final class ComputeExecutors {

  static final String NAME = "fibonacci-compute";

  private ComputeExecutors() {}

  static ExecutorService bounded(ComputeProperties settings, MeterRegistry registry) {
    Counter shed =
        Counter.builder("fibonacci.requests.shed")
            .description("Heavy computations refused because the compute queue was full")
            .register(registry);
    int threads = settings.effectiveThreads();
    var executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(settings.queueCapacity()),
            daemonThreads(),
            (task, pool) -> {
              shed.increment();
              throw new RejectedExecutionException("compute queue full");
            });
    // Micronaut's executor binder instruments this bean (executor_* metrics, name
    // fibonacci-compute).
    return executor;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, NAME + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
