package io.fibonacci.application.port.in.jobs;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** The client's queued and running jobs are at the cap. Fact: {@link Fact#MAXIMUM}. */
public final class TooManyJobsException extends FibonacciException {

  public TooManyJobsException(int maximum) {
    super(ErrorCode.TOO_MANY_JOBS, Map.of(Fact.MAXIMUM, maximum));
  }
}
