package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.jobs.JobNotFoundException;
import io.fibonacci.application.port.in.jobs.JobView;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Jobs as their owners see them, and the lookup every job use case starts with. */
final class JobViews {

  private JobViews() {}

  static JobView of(Job job) {
    return new JobView(
        job.id().value(),
        job.position().value(),
        statusOf(job.status()),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        job.progress(),
        job.digits(),
        job.error());
  }

  /** A status as the API writes it: {@code queued}, {@code running}, … */
  static String statusOf(JobStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The client's job with this id. A malformed id, an unknown one and another client's job are one
   * and the same failure, so that ids cannot be probed.
   */
  static CompletableFuture<Job> owned(JobStore store, String client, String jobId) {
    if (!JobId.isWellFormed(jobId)) {
      return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
    }
    ClientKey owner = ClientKey.of(client);
    return store
        .find(new JobId(jobId))
        .thenCompose(
            found ->
                found
                    .filter(job -> job.isOwnedBy(owner))
                    .map(CompletableFuture::completedFuture)
                    .orElseGet(
                        () -> CompletableFuture.failedFuture(new JobNotFoundException(jobId))));
  }
}
