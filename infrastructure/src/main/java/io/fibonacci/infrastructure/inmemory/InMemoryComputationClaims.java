package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.JobId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The claims of one instance's workers, each lapsing after its lease as the Redis ones do. */
public final class InMemoryComputationClaims implements ComputationClaims {

  private final Map<Position, Claim> claims = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryComputationClaims(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CompletableFuture<JobId> claim(Position position, JobId job, Duration lease) {
    Instant now = clock.instant();
    Claim held =
        claims.compute(
            position,
            (at, current) ->
                current == null || current.job().equals(job) || !now.isBefore(current.until())
                    ? new Claim(job, now.plus(lease))
                    : current);
    return CompletableFuture.completedFuture(held.job());
  }

  @Override
  public CompletableFuture<Void> release(Position position, JobId job) {
    claims.computeIfPresent(position, (at, current) -> current.job().equals(job) ? null : current);
    return CompletableFuture.completedFuture(null);
  }

  private record Claim(JobId job, Instant until) {}
}
