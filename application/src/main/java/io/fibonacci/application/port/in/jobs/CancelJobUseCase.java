package io.fibonacci.application.port.in.jobs;

import java.util.concurrent.CompletionStage;

/**
 * Cancels a queued or running job (a running computation stops between doubling steps), or removes
 * a finished one.
 */
public interface CancelJobUseCase {

  CompletionStage<CancelOutcome> cancelOrRemove(String client, String jobId);

  /**
   * @param job the job as it is now (cancelled, or as it was when removed)
   * @param removed true when the job had finished and is gone
   */
  record CancelOutcome(JobView job, boolean removed) {}
}
