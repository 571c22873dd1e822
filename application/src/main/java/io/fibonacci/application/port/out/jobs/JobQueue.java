package io.fibonacci.application.port.out.jobs;

import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.shared.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The jobs waiting for a worker, first in first out, bounded. A worker takes a delivery and
 * acknowledges it once the job's outcome is stored; until then the job is not lost if the worker
 * dies (where the adapter can hand it to another worker).
 */
public interface JobQueue {

  /** Queues the job; false when the queue is full (nothing was queued). */
  CompletableFuture<Boolean> offer(JobId job);

  /**
   * The next job for this worker, waiting up to {@code wait} for one; empty when none came. Blocks
   * the calling thread, which is a worker's own.
   */
  Optional<Delivery> take(Duration wait) throws InterruptedException;

  /** The outcome of the delivery's job is stored: the queue may forget it. */
  void acknowledge(Delivery delivery);

  /** How many jobs wait for a worker, and since when the oldest of them waits. */
  Backlog backlog();

  /**
   * What waits in the queue.
   *
   * @param waiting jobs no worker has taken yet
   * @param oldestSince when the oldest of them was queued; null when none waits
   */
  record Backlog(long waiting, @Nullable Instant oldestSince) {}

  /**
   * One hand-over of a job to a worker.
   *
   * @param attempt 1 for the first delivery, more when a job is handed again
   * @param receipt what the adapter needs to acknowledge it (its own token)
   */
  record Delivery(JobId job, int attempt, String receipt) {}
}
