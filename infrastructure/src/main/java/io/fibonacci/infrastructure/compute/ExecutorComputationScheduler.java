package io.fibonacci.infrastructure.compute;

import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.domain.model.Position;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Positions up to {@code inlineMaxPosition} are computed on the caller's thread; larger ones on
 * {@code heavyExecutor}, a bounded pool whose rejection means the server is saturated.
 */
public final class ExecutorComputationScheduler implements ComputationScheduler {

  private final int inlineMaxPosition;
  private final Executor heavyExecutor;
  private final long retryAfterSecondsWhenShed;

  /**
   * @param inlineMaxPosition the largest n computed on the caller's thread
   * @param heavyExecutor bounded executor for larger n; throws RejectedExecutionException when full
   * @param retryAfterSecondsWhenShed what a shed request is told to wait
   */
  public ExecutorComputationScheduler(
      int inlineMaxPosition, Executor heavyExecutor, long retryAfterSecondsWhenShed) {
    if (inlineMaxPosition < 0 || retryAfterSecondsWhenShed < 1) {
      throw new IllegalArgumentException(
          "inlineMaxPosition >= 0 and retryAfterSecondsWhenShed >= 1");
    }
    this.inlineMaxPosition = inlineMaxPosition;
    this.heavyExecutor = Objects.requireNonNull(heavyExecutor, "heavyExecutor");
    this.retryAfterSecondsWhenShed = retryAfterSecondsWhenShed;
  }

  @Override
  public <T> Optional<CompletableFuture<T>> schedule(Position position, Supplier<T> computation) {
    if (position.value() <= inlineMaxPosition) {
      try {
        return Optional.of(CompletableFuture.completedFuture(computation.get()));
      } catch (RuntimeException failure) {
        return Optional.of(CompletableFuture.failedFuture(failure));
      }
    }
    return scheduleHeavy(computation);
  }

  @Override
  public <T> Optional<CompletableFuture<T>> scheduleHeavy(Supplier<T> computation) {
    try {
      return Optional.of(CompletableFuture.supplyAsync(computation, heavyExecutor));
    } catch (RejectedExecutionException saturated) {
      return Optional.empty();
    }
  }

  @Override
  public long retryAfterSecondsWhenShed() {
    return retryAfterSecondsWhenShed;
  }
}
