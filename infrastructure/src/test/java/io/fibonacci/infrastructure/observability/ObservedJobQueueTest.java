package io.fibonacci.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.infrastructure.inmemory.InMemoryJobQueue;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ObservedJobQueueTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private final SplittableRandom random = new SplittableRandom(4);

  @Test
  void countsRunningJobsRetriesAndDeadLetters() throws Exception {
    JobQueue queue =
        new ObservedJobQueue(
            new InMemoryJobQueue(10, clock), registry, clock, null, Duration.ofNanos(-1));
    queue.offer(JobId.random(random), null).join();
    queue.offer(JobId.random(random), null).join();

    var first = queue.take(Duration.ZERO).orElseThrow();
    double runningWithOne = gauge(ObservedJobQueue.RUNNING);
    double queuedWithOne = gauge(ObservedJobQueue.QUEUED);
    queue.retry(first);
    var again = queue.take(Duration.ZERO).orElseThrow();
    queue.deadLetter(again, "failed twice");
    var second = queue.take(Duration.ZERO).orElseThrow();
    queue.acknowledge(second);

    assertThat(runningWithOne).isEqualTo(1);
    assertThat(queuedWithOne).isEqualTo(1);
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(registry.get(ObservedJobQueue.RETRIES).counter().count()).isEqualTo(1);
    assertThat(registry.get(ObservedJobQueue.DEAD_LETTERED).counter().count()).isEqualTo(1);
    assertThat(gauge(ObservedJobQueue.RUNNING)).isZero();
    assertThat(gauge(ObservedJobQueue.QUEUED)).isZero();
  }

  @Test
  void stopsCountingADeliveryItsWorkerAbandonedWhenItTakesTheNext() throws Exception {
    JobQueue queue =
        new ObservedJobQueue(
            new InMemoryJobQueue(10, clock), registry, clock, null, Duration.ofNanos(-1));
    queue.offer(JobId.random(random), null).join();
    queue.offer(JobId.random(random), null).join();

    queue.take(Duration.ZERO).orElseThrow(); // its worker failed before acknowledging it
    var next = queue.take(Duration.ZERO).orElseThrow();

    assertThat(gauge(ObservedJobQueue.RUNNING)).isEqualTo(1);
    queue.acknowledge(next);
    assertThat(gauge(ObservedJobQueue.RUNNING)).isZero();
  }

  @Test
  void readsNotANumberRatherThanZeroWhenTheQueueCannotBeRead() {
    new ObservedJobQueue(new Unreadable(), registry, clock, null, Duration.ofNanos(-1));

    assertThat(gauge(ObservedJobQueue.QUEUED)).isNaN();
    assertThat(gauge(ObservedJobQueue.OLDEST_AGE)).isNaN();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  /** A queue whose store is down. */
  private static final class Unreadable implements JobQueue {
    @Override
    public CompletableFuture<Boolean> offer(JobId job, @Nullable String origin) {
      return CompletableFuture.failedFuture(new IllegalStateException("down"));
    }

    @Override
    public Optional<Delivery> take(Duration wait) {
      throw new IllegalStateException("down");
    }

    @Override
    public void acknowledge(Delivery delivery) {
      throw new IllegalStateException("down");
    }

    @Override
    public boolean renew(Delivery delivery) {
      throw new IllegalStateException("down");
    }

    @Override
    public void retry(Delivery delivery) {
      throw new IllegalStateException("down");
    }

    @Override
    public void deadLetter(Delivery delivery, String reason) {
      throw new IllegalStateException("down");
    }

    @Override
    public CompletableFuture<Backlog> backlog() {
      return CompletableFuture.failedFuture(new IllegalStateException("down"));
    }
  }
}
