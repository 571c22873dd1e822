package io.fibonacci.application.port.in.jobs;

import java.util.concurrent.CompletionStage;

/**
 * Submits a job for F(n) beyond the synchronous maximum (or within it: a job for a value the
 * service can answer at once is born succeeded). Fails with the in-port's exceptions: an invalid
 * position, a spent rate limit, too many active jobs, a full queue, a reused idempotency key.
 */
public interface SubmitJobUseCase {

  CompletionStage<JobSubmission> submit(SubmitJobCommand command);
}
