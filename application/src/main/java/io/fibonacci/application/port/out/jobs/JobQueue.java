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
 * dies (where the adapter can hand it to another worker: after the delivery's lease runs out, which
 * a live worker renews while it computes). Each hand-over of one job counts as an attempt.
 */
public interface JobQueue {

  /**
   * Queues the job; false when the queue is full (nothing was queued).
   *
   * @param origin the submission's trace origin, handed to the delivery; null when not traced
   */
  CompletableFuture<Boolean> offer(JobId job, @Nullable String origin);

  /**
   * The next job for this worker, waiting up to {@code wait} for one; empty when none came. Blocks
   * the calling thread, which is a worker's own.
   */
  Optional<Delivery> take(Duration wait) throws InterruptedException;

  /** The outcome of the delivery's job is stored: the queue may forget it. */
  void acknowledge(Delivery delivery);

  /**
   * The worker still holds the delivery: its lease starts again. False when the lease had run out
   * and the job was handed to another worker meanwhile (this worker's outcome still counts).
   */
  boolean renew(Delivery delivery);

  /** This attempt failed: the job is handed out again, as its next attempt, to the next worker. */
  void retry(Delivery delivery);

  /**
   * The job will not be tried again: the delivery is set aside with the reason (where the adapter
   * keeps dead letters) and the queue forgets it.
   */
  void deadLetter(Delivery delivery, String reason);

  /**
   * How many jobs wait for a worker, and since when the oldest of them waits. Never blocks: a
   * metrics scrape asks for it, and must not wait for a store that is slow.
   */
  CompletableFuture<Backlog> backlog();

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
   * @param origin the trace origin given when the job was queued, or null
   */
  record Delivery(JobId job, int attempt, String receipt, @Nullable String origin) {

    /** The same job handed out again, as its next attempt. */
    public Delivery again() {
      return new Delivery(job, attempt + 1, receipt, origin);
    }
  }
}
