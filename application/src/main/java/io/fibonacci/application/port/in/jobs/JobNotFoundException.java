package io.fibonacci.application.port.in.jobs;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** No job of this client has the id. Fact: {@link Fact#JOB_ID}. */
public final class JobNotFoundException extends FibonacciException {

  public JobNotFoundException(String jobId) {
    super(ErrorCode.JOB_NOT_FOUND, Map.of(Fact.JOB_ID, jobId));
  }
}
