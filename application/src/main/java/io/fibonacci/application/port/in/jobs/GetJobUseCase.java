package io.fibonacci.application.port.in.jobs;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Reads a job of the client's; another client's job is, for it, a job that does not exist. */
public interface GetJobUseCase {

  CompletionStage<JobView> get(String client, String jobId);

  /** The job once it has finished, or as it is after {@code wait}, whichever comes first. */
  CompletionStage<JobView> await(String client, String jobId, Duration wait);
}
