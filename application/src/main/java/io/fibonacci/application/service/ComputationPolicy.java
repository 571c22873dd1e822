package io.fibonacci.application.service;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where computations run. Positions up to {@code inlineMaxPosition} are computed on the caller's
 * thread (cheaper than a thread hop); larger ones run on {@code heavyExecutor}, a bounded pool
 * whose rejection means the server is saturated and the request is shed.
 *
 * @param inlineMaxPosition the largest n computed on the caller's thread
 * @param heavyExecutor bounded executor for larger n; throws RejectedExecutionException when full
 * @param retryAfterSecondsWhenShed what a shed request is told to wait
 */
public record ComputationPolicy(
    int inlineMaxPosition, Executor heavyExecutor, long retryAfterSecondsWhenShed) {

  public ComputationPolicy {
    Objects.requireNonNull(heavyExecutor, "heavyExecutor");
    if (inlineMaxPosition < 0 || retryAfterSecondsWhenShed < 1) {
      throw new IllegalArgumentException(
          "inlineMaxPosition >= 0 and retryAfterSecondsWhenShed >= 1");
    }
  }
}
