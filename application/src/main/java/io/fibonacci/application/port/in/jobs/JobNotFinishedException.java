package io.fibonacci.application.port.in.jobs;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * The job has no result. Facts: {@link Fact#JOB_ID}, {@link Fact#JOB_STATUS}, and {@link
 * Fact#RETRY_AFTER_SECONDS} while the job may still succeed.
 */
public final class JobNotFinishedException extends FibonacciException {

  /** A job that is queued or running: ask again later. */
  public static JobNotFinishedException pending(String jobId, String status, long retryAfter) {
    return new JobNotFinishedException(
        Map.of(Fact.JOB_ID, jobId, Fact.JOB_STATUS, status, Fact.RETRY_AFTER_SECONDS, retryAfter));
  }

  /** A job that failed or was cancelled: it never will have a result. */
  public static JobNotFinishedException ended(String jobId, String status) {
    return new JobNotFinishedException(Map.of(Fact.JOB_ID, jobId, Fact.JOB_STATUS, status));
  }

  private JobNotFinishedException(Map<Fact, ?> facts) {
    super(ErrorCode.JOB_NOT_FINISHED, facts);
  }
}
