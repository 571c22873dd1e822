package io.fibonacci.infrastructure.redis;

import io.fibonacci.application.port.out.jobs.JobsUnavailableException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Turns Redis failures of the adapters into what the use cases understand: the store is
 * unavailable, try again shortly (jobs by default; each adapter may name its own failure). Anything
 * else (a bug) stays as it is.
 */
final class RedisFailures {

  /** What a caller is told to wait while Redis cannot be reached. */
  static final long RETRY_AFTER_SECONDS = 5;

  private RedisFailures() {}

  static <T> CompletableFuture<T> translated(CompletableFuture<T> call) {
    return translated(call, why -> new JobsUnavailableException(RETRY_AFTER_SECONDS, why));
  }

  /** The same, with the failure {@code unavailable} makes of what Redis's client reported. */
  static <T> CompletableFuture<T> translated(
      CompletableFuture<T> call, Function<String, ? extends RuntimeException> unavailable) {
    return call.exceptionallyCompose(
        failure -> {
          Throwable cause = LuaScript.unwrap(failure);
          return CompletableFuture.failedFuture(
              cause instanceof RedisException ? unavailable.apply(cause.toString()) : cause);
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
