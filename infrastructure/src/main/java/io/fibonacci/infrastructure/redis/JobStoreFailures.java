package io.fibonacci.infrastructure.redis;

import io.fibonacci.application.port.out.jobs.JobsUnavailableException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CompletableFuture;

/**
 * Turns Redis failures of the job adapters into what the job use cases understand: the store is
 * unavailable, try again shortly. Anything else (a bug) stays as it is.
 */
final class JobStoreFailures {

  /** What a caller is told to wait while Redis cannot be reached. */
  static final long RETRY_AFTER_SECONDS = 5;

  private JobStoreFailures() {}

  static <T> CompletableFuture<T> translated(CompletableFuture<T> call) {
    return call.exceptionallyCompose(
        failure -> {
          Throwable cause = LuaScript.unwrap(failure);
          return CompletableFuture.failedFuture(
              cause instanceof RedisException
                  ? new JobsUnavailableException(RETRY_AFTER_SECONDS, cause.toString())
                  : cause);
        });
  }

  /** Waits for a call of a worker's thread, with the same translation. */
  static <T> T await(CompletableFuture<T> call) {
    try {
      return translated(call).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
