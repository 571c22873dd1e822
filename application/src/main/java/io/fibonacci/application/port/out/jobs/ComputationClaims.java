package io.fibonacci.application.port.out.jobs;

import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.JobId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Which job computes which position right now, so that a value wanted by several jobs (on any
 * instance sharing the store) is computed once. A claim lapses after its lease unless renewed: a
 * worker that dies gives up its claims by falling silent.
 */
public interface ComputationClaims {

  /**
   * Claims computing the position for the job, or renews the job's claim; the answer is the job
   * holding the claim afterwards: this one, or another that computes the value already.
   */
  CompletableFuture<JobId> claim(Position position, JobId job, Duration lease);

  /** Gives up the job's claim; nothing happens when another job holds it. */
  CompletableFuture<Void> release(Position position, JobId job);
}
