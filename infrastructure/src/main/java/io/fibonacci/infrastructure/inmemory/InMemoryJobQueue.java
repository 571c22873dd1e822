package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue of one instance: bounded, first in first out. A job taken by a worker of this process
 * is delivered once; should the process die, its queued jobs die with it (the Redis queue is the
 * one that survives a worker).
 */
public final class InMemoryJobQueue implements JobQueue {

  private final BlockingQueue<Queued> waiting;
  private final Clock clock;

  public InMemoryJobQueue(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a queue holds at least one job, got " + capacity);
    }
    this.waiting = new LinkedBlockingQueue<>(capacity);
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Boolean> offer(JobId job) {
    return CompletableFuture.completedFuture(waiting.offer(new Queued(job, clock.instant())));
  }

  @Override
  public Optional<Delivery> take(Duration wait) throws InterruptedException {
    Queued next = waiting.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    return next == null
        ? Optional.empty()
        : Optional.of(new Delivery(next.job(), 1, next.job().value()));
  }

  @Override
  public Backlog backlog() {
    Queued oldest = waiting.peek();
    return new Backlog(waiting.size(), oldest == null ? null : oldest.since());
  }

  private record Queued(JobId job, Instant since) {}

  @Override
  public void acknowledge(Delivery delivery) {
    // Taken is done here: nothing hands a job to a second worker of this process.
  }
}
