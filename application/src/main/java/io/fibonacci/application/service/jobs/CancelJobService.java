package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.jobs.CancelJobUseCase;
import io.fibonacci.application.port.out.jobs.JobStore;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Cancels a queued or running job: the worker sees the cancelled state before its next doubling
 * step and stops. A finished job is removed instead.
 */
public final class CancelJobService implements CancelJobUseCase {

  private final JobStore store;
  private final Clock clock;

  public CancelJobService(JobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public CompletionStage<CancelOutcome> cancelOrRemove(String client, String jobId) {
    return JobViews.owned(store, client, jobId)
        .thenCompose(
            job -> {
              if (job.status().isFinished()) {
                return store
                    .remove(job.id())
                    .thenApply(removed -> new CancelOutcome(JobViews.of(job), true));
              }
              // Atomic: a worker finishing the job meanwhile wins, and the answer says so.
              return store
                  .update(
                      job.id(),
                      current ->
                          current.status().isFinished() ? current : current.cancel(clock.instant()))
                  .thenApply(now -> new CancelOutcome(JobViews.of(now.orElse(job)), now.isEmpty()));
            });
  }
}
