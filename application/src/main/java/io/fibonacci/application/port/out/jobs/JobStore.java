package io.fibonacci.application.port.out.jobs;

import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Where jobs live between requests and workers. A finished job is kept for the result's time to
 * live, then forgotten; a queued or running one is kept until it finishes.
 */
public interface JobStore {

  /**
   * Stores a new job (replacing one with its id, should there be one). The use cases change a
   * stored job only through {@link #update}, which sees and keeps every other change.
   */
  CompletableFuture<Void> save(Job job);

  CompletableFuture<Optional<Job>> find(JobId id);

  /**
   * Changes the job atomically: {@code change} sees the job as stored now and returns its next
   * state, which replaces it unless another change came first (then {@code change} runs again on
   * the newer state). Empty when there is no such job; fails when {@code change} refuses the job's
   * state (an impossible transition).
   */
  CompletableFuture<Optional<Job>> update(JobId id, UnaryOperator<Job> change);

  /** Forgets the job; nothing happens when there is none. */
  CompletableFuture<Void> remove(JobId id);

  /** How many of the owner's jobs are queued or running. */
  CompletableFuture<Integer> activeJobsOf(ClientKey owner);

  /** What {@code key} of {@code owner} names, if it names anything yet. */
  CompletableFuture<Optional<IdempotencyClaim>> findKey(ClientKey owner, String key);

  /**
   * Remembers that {@code key} of {@code owner} names {@code candidate} for a request with {@code
   * fingerprint}, unless the key already names a job: then that earlier claim, and nothing changes.
   */
  CompletableFuture<Optional<IdempotencyClaim>> claimKey(
      ClientKey owner, String key, String fingerprint, JobId candidate);

  /** What an idempotency key names: a job, for the request whose fingerprint it records. */
  record IdempotencyClaim(JobId job, String fingerprint) {}
}
