package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.jobs.GetJobUseCase;
import io.fibonacci.application.port.in.jobs.JobView;
import io.fibonacci.application.port.out.jobs.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Reads a client's job, now or once it finishes within a wait the client chose. */
public final class GetJobService implements GetJobUseCase {

  private final JobStore store;
  private final Clock clock;
  private final Duration pollInterval;

  public GetJobService(JobStore store, Clock clock, JobSettings settings) {
    this.store = store;
    this.clock = clock;
    this.pollInterval = settings.pollInterval();
  }

  @Override
  public CompletionStage<JobView> get(String client, String jobId) {
    return JobViews.owned(store, client, jobId).thenApply(JobViews::of);
  }

  @Override
  public CompletionStage<JobView> await(String client, String jobId, Duration wait) {
    Instant deadline = clock.instant().plus(wait);
    return JobViews.owned(store, client, jobId)
        .thenCompose(job -> poll(client, jobId, JobViews.of(job), deadline));
  }

  /** Looks again every poll interval, on a timer rather than a thread held for the wait. */
  private CompletableFuture<JobView> poll(
      String client, String jobId, JobView current, Instant deadline) {
    if (current.isFinished() || !clock.instant().isBefore(deadline)) {
      return CompletableFuture.completedFuture(current);
    }
    return CompletableFuture.supplyAsync(
            () -> null,
            CompletableFuture.delayedExecutor(
                pollInterval.toNanos(), TimeUnit.NANOSECONDS, Runnable::run))
        .thenCompose(tick -> JobViews.owned(store, client, jobId))
        .thenCompose(job -> poll(client, jobId, JobViews.of(job), deadline));
  }
}
