package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.shared.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of one instance: bounded, first in first out. A job taken by a worker of this process
 * is held by that worker until it is acknowledged, retried or dead-lettered; should the process
 * die, its jobs die with it (the Redis queue is the one that survives a worker). A retried job goes
 * before the waiting ones, outside the capacity: it was admitted already. Dead letters are logged;
 * the job itself records the failure.
 */
public final class InMemoryJobQueue implements JobQueue {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryJobQueue.class);

  private final BlockingQueue<Queued> waiting;
  private final ConcurrentLinkedQueue<Delivery> retrying = new ConcurrentLinkedQueue<>();
  private final Clock clock;

  public InMemoryJobQueue(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a queue holds at least one job, got " + capacity);
    }
    this.waiting = new LinkedBlockingQueue<>(capacity);
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Boolean> offer(JobId job, @Nullable String origin) {
    return CompletableFuture.completedFuture(
        waiting.offer(new Queued(job, clock.instant(), origin)));
  }

  @Override
  public Optional<Delivery> take(Duration wait) throws InterruptedException {
    Delivery again = retrying.poll();
    if (again != null) {
      return Optional.of(again);
    }
    Queued next = waiting.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    return next == null
        ? Optional.empty()
        : Optional.of(new Delivery(next.job(), 1, next.job().value(), next.origin()));
  }

  @Override
  public CompletableFuture<Backlog> backlog() {
    Queued oldest = waiting.peek();
    return CompletableFuture.completedFuture(
        new Backlog(waiting.size() + retrying.size(), oldest == null ? null : oldest.since()));
  }

  private record Queued(JobId job, Instant since, @Nullable String origin) {}

  @Override
  public void acknowledge(Delivery delivery) {
    // Taken is done here: nothing hands a job to a second worker of this process.
  }

  @Override
  public boolean renew(Delivery delivery) {
    return true; // no lease runs out in one process: its worker holds the job until it is done
  }

  @Override
  public void retry(Delivery delivery) {
    retrying.add(delivery.again());
  }

  @Override
  public void deadLetter(Delivery delivery, String reason) {
    LOG.warn("Job {} given up after attempt {}: {}", delivery.job(), delivery.attempt(), reason);
  }
}
