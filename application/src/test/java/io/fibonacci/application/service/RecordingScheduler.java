package io.fibonacci.application.service;

import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.domain.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A scheduler that runs everything at once on the caller's thread and records what was sent to the
 * pool; {@link #saturated} makes it shed everything instead.
 */
public final class RecordingScheduler implements ComputationScheduler {

  /** The positions scheduled by position. */
  public final List<Integer> scheduled = new ArrayList<>();

  /** How many computations were sent to the pool as heavy. */
  public int heavy;

  public boolean saturated;

  @Override
  public <T> Optional<CompletableFuture<T>> schedule(Position position, Supplier<T> computation) {
    if (saturated) {
      return Optional.empty();
    }
    scheduled.add(position.value());
    return Optional.of(CompletableFuture.completedFuture(computation.get()));
  }

  @Override
  public <T> Optional<CompletableFuture<T>> scheduleHeavy(Supplier<T> computation) {
    if (saturated) {
      return Optional.empty();
    }
    heavy++;
    return Optional.of(CompletableFuture.completedFuture(computation.get()));
  }

  @Override
  public long retryAfterSecondsWhenShed() {
    return 2;
  }
}
