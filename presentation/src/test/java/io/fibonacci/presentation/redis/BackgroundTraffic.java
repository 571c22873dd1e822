package io.fibonacci.presentation.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few client threads sending GETs of small and large positions to one instance, each request
 * recorded with the instant it started, until stopped or a bounded number of requests was sent.
 */
final class BackgroundTraffic implements AutoCloseable {

  /** One request: the position asked for, when it started (nanoTime) and what it got. */
  record Sent(long n, long startedNanos, ServiceInstance.Answer answer) {}

  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger budget;
  private final List<Thread> threads = new ArrayList<>();

  private BackgroundTraffic(int maxRequests) {
    this.budget = new AtomicInteger(maxRequests);
  }

  static BackgroundTraffic start(ServiceInstance service, int threadCount, int maxRequests) {
    BackgroundTraffic traffic = new BackgroundTraffic(maxRequests);
    for (int t = 0; t < threadCount; t++) {
      int offset = t;
      Thread thread =
          Thread.ofPlatform()
              .name("traffic-" + t)
              .daemon()
              .start(() -> traffic.send(service, offset));
      traffic.threads.add(thread);
    }
    return traffic;
  }

  private void send(ServiceInstance service, int offset) {
    int i = 0;
    while (running.get() && budget.getAndDecrement() > 0) {
      // Alternates a position below the Redis cache's threshold with ever new large ones.
      long n = i % 2 == 0 ? 10 + i % 50 : 20_000 + offset * 100_000L + i;
      long started = System.nanoTime();
      sent.add(new Sent(n, started, service.get("/api/v1/fibonacci/" + n)));
      i++;
      LocalRedis.pause(Duration.ofMillis(5));
    }
  }

  /** Every request so far, in no particular order. */
  List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The requests that started in [from, to) (nanoTime), ordered by their start. */
  List<Sent> startedBetween(long from, long to) {
    return sent.stream()
        .filter(s -> s.startedNanos() >= from && s.startedNanos() < to)
        .sorted((a, b) -> Long.compare(a.startedNanos(), b.startedNanos()))
        .toList();
  }

  @Override
  public void close() {
    running.set(false);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
