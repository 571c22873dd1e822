package io.fibonacci.application.port.out.jobs;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * The store of jobs cannot be reached (a shared store that is down or too slow): nothing about the
 * job was decided, and the caller may try again after the pause given. Adapters raise it in place
 * of their client library's failures. Fact: {@link Fact#RETRY_AFTER_SECONDS}.
 */
public final class JobsUnavailableException extends FibonacciException {

  /**
   * @param why what the store's client reported, for the log (callers read a sentence of their own)
   */
  public JobsUnavailableException(long retryAfterSeconds, String why) {
    super(
        ErrorCode.JOBS_UNAVAILABLE,
        Map.of(Fact.RETRY_AFTER_SECONDS, retryAfterSeconds),
        "the job store cannot be reached: " + why);
  }
}
