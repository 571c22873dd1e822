package io.fibonacci.infrastructure.compression;

import io.fibonacci.application.port.out.DigitsEncoder;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.shared.ContentCoding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes gzip forms on one thread of its own with a bounded queue: compression never runs on an
 * event loop, and never takes the compute pool's threads. A full queue fails the encoding (the
 * client gets the digits uncompressed) instead of making anyone wait.
 */
public final class DeflateDigitsEncoder implements DigitsEncoder, AutoCloseable {

  static final String THREAD_NAME = "fibonacci-encoder";

  private final ExecutorService executor;
  private final ThreadLocal<HuffmanDeflate> deflaters =
      ThreadLocal.withInitial(HuffmanDeflate::new);
  private final Timer encodings;
  private final Counter refused;

  public DeflateDigitsEncoder(int queueCapacity, MeterRegistry registry) {
    this(singleThread(queueCapacity), registry);
  }

  DeflateDigitsEncoder(ExecutorService executor, MeterRegistry registry) {
    this.executor = executor;
    this.encodings =
        Timer.builder("fibonacci.encodings")
            .description("Content codings built for cached values, once per value and coding")
            .tag("coding", ContentCoding.GZIP.token())
            .register(registry);
    this.refused =
        Counter.builder("fibonacci.encodings.refused")
            .description("Encodings not made because the encoder's queue was full")
            .register(registry);
  }

  @Override
  public CompletableFuture<EncodedDigits> encode(FibonacciNumber number, ContentCoding coding) {
    if (coding != ContentCoding.GZIP) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("no encoder for " + coding.token()));
    }
    try {
      return CompletableFuture.supplyAsync(
          () -> encodings.record(() -> deflaters.get().deflate(number.digits())), executor);
    } catch (RejectedExecutionException saturated) {
      refused.increment();
      return CompletableFuture.failedFuture(saturated);
    }
  }

  private static ExecutorService singleThread(int queueCapacity) {
    return new ThreadPoolExecutor(
        1,
        1,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity),
        task -> {
          Thread thread = new Thread(task, THREAD_NAME);
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
