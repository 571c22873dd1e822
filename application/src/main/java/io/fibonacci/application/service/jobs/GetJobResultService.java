package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.jobs.GetJobResultUseCase;
import io.fibonacci.application.port.in.jobs.JobNotFinishedException;
import io.fibonacci.application.port.in.jobs.JobNotFoundException;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.application.service.ContentEncodingPolicy;
import io.fibonacci.application.service.FibonacciResults;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.shared.ContentCoding;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The value of a succeeded job, with the encoded form the client prefers, exactly as the
 * synchronous API gives it. The download costs nothing: the submission paid for the work.
 */
public final class GetJobResultService implements GetJobResultUseCase {

  /** What a client asking too early is told to wait, in seconds. */
  static final long RETRY_AFTER_PENDING_SECONDS = 1;

  private final JobStore store;
  private final JobResultStore results;
  private final ContentEncodingPolicy encodingPolicy;

  public GetJobResultService(
      JobStore store, JobResultStore results, ContentEncodingPolicy encodingPolicy) {
    this.store = store;
    this.results = results;
    this.encodingPolicy = encodingPolicy;
  }

  @Override
  public CompletionStage<FibonacciResult> result(
      String client, String jobId, ContentCoding coding) {
    return JobViews.owned(store, client, jobId).thenCompose(job -> valueOf(job, coding));
  }

  private CompletableFuture<FibonacciResult> valueOf(Job job, ContentCoding coding) {
    String status = JobViews.statusOf(job.status());
    if (job.status() != JobStatus.SUCCEEDED) {
      return CompletableFuture.failedFuture(
          job.status().isFinished()
              ? JobNotFinishedException.ended(job.id().value(), status)
              : JobNotFinishedException.pending(
                  job.id().value(), status, RETRY_AFTER_PENDING_SECONDS));
    }
    return results
        .find(job.position())
        .thenCompose(
            stored ->
                stored
                    .map(
                        value ->
                            encodingPolicy
                                .encodedOrNull(value, coding)
                                .thenApply(
                                    form ->
                                        FibonacciResults.of(
                                            value, 0, RateLimitStatus.UNLIMITED, form)))
                    // The stored value outlived its time to live before the job did.
                    .orElseGet(
                        () ->
                            CompletableFuture.failedFuture(
                                new JobNotFoundException(job.id().value()))));
  }
}
