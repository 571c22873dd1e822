package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the queue shows: {@code fibonacci_jobs_queued}, {@code
 * fibonacci_jobs_oldest_queued_age_seconds}, and {@code fibonacci_jobs_retries_total} (deliveries
 * after the first: a job handed on by a worker that died). {@code
 * fibonacci_jobs_dead_lettered_total} is registered here at 0; the Redis queue, which keeps
 * attempts, counts it.
 */
public final class ObservedJobQueue implements JobQueue {

  static final String QUEUED = "fibonacci.jobs.queued";
  static final String OLDEST_AGE = "fibonacci.jobs.oldest_queued_age";
  static final String RETRIES = "fibonacci.jobs.retries";
  static final String DEAD_LETTERED = "fibonacci.jobs.dead_lettered";

  private final JobQueue delegate;
  private final Counter retries;

  public ObservedJobQueue(JobQueue delegate, MeterRegistry registry, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Gauge.builder(QUEUED, delegate, queue -> queue.backlog().waiting())
        .description("Jobs waiting for a worker")
        .register(registry);
    Gauge.builder(
            OLDEST_AGE,
            delegate,
            queue -> {
              var since = queue.backlog().oldestSince();
              return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1e3;
            })
        .description("How long the oldest queued job has waited, in seconds")
        .baseUnit("seconds")
        .register(registry);
    this.retries =
        Counter.builder(RETRIES)
            .description("Deliveries of a job after its first (its worker died)")
            .register(registry);
    Counter.builder(DEAD_LETTERED)
        .description("Jobs moved to the dead-letter stream after their last attempt")
        .register(registry);
  }

  @Override
  public CompletableFuture<Boolean> offer(JobId job) {
    return delegate.offer(job);
  }

  @Override
  public Optional<Delivery> take(Duration wait) throws InterruptedException {
    Optional<Delivery> delivery = delegate.take(wait);
    delivery.filter(next -> next.attempt() > 1).ifPresent(next -> retries.increment());
    return delivery;
  }

  @Override
  public void acknowledge(Delivery delivery) {
    delegate.acknowledge(delivery);
  }

  @Override
  public Backlog backlog() {
    return delegate.backlog();
  }
}
