package io.fibonacci.infrastructure.inmemory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The jobs of one instance. A queued or running job is kept until it finishes, whatever the bounds;
 * a finished one for {@code ttl} after its last change, and at most {@code maxFinished} of them
 * (the oldest go first). Idempotency claims live as long as a finished job.
 */
public final class InMemoryJobStore implements JobStore {

  private final Cache<JobId, Job> jobs;
  private final Cache<String, IdempotencyClaim> claims;

  public InMemoryJobStore(Duration ttl, long maxFinished) {
    Objects.requireNonNull(ttl, "ttl");
    if (maxFinished < 1) {
      throw new IllegalArgumentException("at least one finished job is kept, got " + maxFinished);
    }
    this.jobs =
        Caffeine.newBuilder()
            // Active jobs weigh nothing, so the size bound never evicts them.
            .maximumWeight(maxFinished)
            .weigher((JobId id, Job job) -> job.status().isFinished() ? 1 : 0)
            .expireAfter(new FinishedJobsExpire(ttl))
            .executor(Runnable::run)
            .build();
    this.claims =
        Caffeine.newBuilder()
            .maximumSize(maxFinished)
            .expireAfterWrite(ttl)
            .executor(Runnable::run)
            .build();
  }

  @Override
  public CompletableFuture<Void> save(Job job) {
    jobs.put(job.id(), job);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Optional<Job>> find(JobId id) {
    return CompletableFuture.completedFuture(Optional.ofNullable(jobs.getIfPresent(id)));
  }

  @Override
  public CompletableFuture<Optional<Job>> update(JobId id, UnaryOperator<Job> change) {
    try {
      return CompletableFuture.completedFuture(
          Optional.ofNullable(
              jobs.asMap().computeIfPresent(id, (key, current) -> change.apply(current))));
    } catch (RuntimeException refused) {
      return CompletableFuture.failedFuture(refused);
    }
  }

  @Override
  public CompletableFuture<Void> remove(JobId id) {
    jobs.invalidate(id);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Integer> activeJobsOf(ClientKey owner) {
    int active =
        (int)
            jobs.asMap().values().stream()
                .filter(job -> !job.status().isFinished() && job.isOwnedBy(owner))
                .count();
    return CompletableFuture.completedFuture(active);
  }

  @Override
  public CompletableFuture<Optional<IdempotencyClaim>> findKey(ClientKey owner, String key) {
    return CompletableFuture.completedFuture(
        Optional.ofNullable(claims.getIfPresent(claimKey(owner, key))));
  }

  @Override
  public CompletableFuture<Optional<IdempotencyClaim>> claimKey(
      ClientKey owner, String key, String fingerprint, JobId candidate) {
    IdempotencyClaim earlier =
        claims
            .asMap()
            .putIfAbsent(claimKey(owner, key), new IdempotencyClaim(candidate, fingerprint));
    return CompletableFuture.completedFuture(Optional.ofNullable(earlier));
  }

  /** The owner and the key, unambiguous whatever either holds (a key is visible ASCII). */
  private static String claimKey(ClientKey owner, String key) {
    return owner.value().length() + ":" + owner.value() + ":" + key;
  }

  /** Active jobs never expire; a finished one expires {@code ttl} after it last changed. */
  private record FinishedJobsExpire(Duration ttl) implements Expiry<JobId, Job> {

    @Override
    public long expireAfterCreate(JobId id, Job job, long currentTime) {
      return lifetime(job);
    }

    @Override
    public long expireAfterUpdate(JobId id, Job job, long currentTime, long currentDuration) {
      return lifetime(job);
    }

    @Override
    public long expireAfterRead(JobId id, Job job, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private long lifetime(Job job) {
      return job.status().isFinished() ? ttl.toNanos() : Long.MAX_VALUE;
    }
  }
}
