package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.in.jobs.IdempotencyKeyReusedException;
import io.fibonacci.application.port.in.jobs.JobNotFoundException;
import io.fibonacci.application.port.in.jobs.JobSubmission;
import io.fibonacci.application.port.in.jobs.SubmitJobCommand;
import io.fibonacci.application.port.in.jobs.SubmitJobUseCase;
import io.fibonacci.application.port.in.jobs.TooManyJobsException;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.port.out.TraceOrigin;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.application.port.out.jobs.JobStore.IdempotencyClaim;
import io.fibonacci.application.service.RateLimitStatuses;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.shared.Nullable;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * Submits a job: validates n, answers a repeated idempotency key with its job, enforces the
 * client's cap on active jobs, charges the rate limiter, and either records a job born succeeded (a
 * value already known) or queues a new one, refusing it when the queue is full.
 *
 * <p>A job costs what its n would cost synchronously, but never more than a full bucket: F(10^8)
 * empties one.
 */
public final class SubmitJobService implements SubmitJobUseCase {

  private final JobSettings settings;
  private final RequestCostPolicy costPolicy;
  private final RateLimiter rateLimiter;
  private final JobStore store;
  private final JobQueue queue;
  private final KnownValues knownValues;
  private final Clock clock;
  private final RandomGenerator random;
  private final TraceOrigin origins;

  public SubmitJobService(
      JobSettings settings,
      RequestCostPolicy costPolicy,
      RateLimiter rateLimiter,
      JobStore store,
      JobQueue queue,
      KnownValues knownValues,
      Clock clock,
      RandomGenerator random,
      TraceOrigin origins) {
    this.settings = settings;
    this.costPolicy = costPolicy;
    this.rateLimiter = rateLimiter;
    this.store = store;
    this.queue = queue;
    this.knownValues = knownValues;
    this.clock = clock;
    this.random = random;
    this.origins = origins;
  }

  @Override
  public CompletionStage<JobSubmission> submit(SubmitJobCommand command) {
    Position position;
    ClientKey owner;
    try {
      position = settings.positions().parse(command.position());
      owner = ClientKey.of(command.client());
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    // Read now, on the caller's thread: later stages may run on a store client's thread.
    String origin = origins.current();
    String key = command.idempotencyKey();
    if (key == null) {
      return create(position, owner, command, origin);
    }
    return store
        .findKey(owner, key)
        .thenCompose(
            claim ->
                claim.isPresent()
                    ? repeated(claim.get(), command)
                    : create(position, owner, command, origin));
  }

  private CompletableFuture<JobSubmission> create(
      Position position, ClientKey owner, SubmitJobCommand command, @Nullable String origin) {
    return store
        .activeJobsOf(owner)
        .thenCompose(
            active -> {
              int cap = settings.maxActiveFor(owner);
              if (active >= cap) {
                return CompletableFuture.failedFuture(new TooManyJobsException(cap));
              }
              long cost = Math.min(costPolicy.costOf(position), rateLimiter.maxCost(owner));
              return rateLimiter
                  .tryAcquire(owner, cost)
                  .thenCompose(
                      decision -> charged(position, owner, command, cost, decision, origin));
            });
  }

  private CompletableFuture<JobSubmission> charged(
      Position position,
      ClientKey owner,
      SubmitJobCommand command,
      long cost,
      RateLimitDecision decision,
      @Nullable String origin) {
    RateLimitStatus status = RateLimitStatuses.of(decision.quotas());
    if (!decision.allowed()) {
      return CompletableFuture.failedFuture(
          new RateLimitExceededException(status, decision.retryAfterSeconds()));
    }
    JobId id = JobId.random(random);
    return knownValues
        .lookUp(position, settings.synchronousMaxN())
        .thenCompose(
            known -> {
              if (known.isPresent()) {
                Job born = Job.alreadyKnown(id, position, owner, clock.instant(), known.get());
                return store.save(born).thenApply(saved -> born);
              }
              return queued(Job.submitted(id, position, owner, clock.instant()), origin);
            })
        .thenCompose(created -> claimed(created, owner, command))
        .thenApply(job -> new JobSubmission(JobViews.of(job), job.id().equals(id), cost, status));
  }

  private CompletableFuture<Job> queued(Job job, @Nullable String origin) {
    return store
        .save(job)
        .thenCompose(saved -> offered(job, origin))
        .thenCompose(
            accepted ->
                accepted
                    ? CompletableFuture.completedFuture(job)
                    : store
                        .remove(job.id())
                        .thenCompose(
                            removed ->
                                CompletableFuture.failedFuture(
                                    new ServerOverloadedException(
                                        Math.max(1, settings.retryAfterWhenFull().toSeconds())))));
  }

  /** Queues the job; should the queue fail, the job is withdrawn (best effort) before failing. */
  private CompletableFuture<Boolean> offered(Job job, @Nullable String origin) {
    return queue
        .offer(job.id(), origin)
        .exceptionallyCompose(
            failure ->
                store
                    .remove(job.id())
                    .handle((removed, unremoved) -> (Void) null)
                    .thenCompose(withdrawn -> CompletableFuture.<Boolean>failedFuture(failure)));
  }

  /**
   * With an idempotency key, the job is only the answer once the key names it: when a concurrent
   * request with the same key won, its job is the answer and this one is withdrawn.
   */
  private CompletableFuture<Job> claimed(Job created, ClientKey owner, SubmitJobCommand command) {
    String key = command.idempotencyKey();
    CompletableFuture<Optional<IdempotencyClaim>> claim =
        key == null
            ? CompletableFuture.completedFuture(Optional.empty())
            : store.claimKey(owner, key, command.fingerprint(), created.id());
    return claim.thenCompose(
        earlier -> {
          if (earlier.isEmpty()) {
            return CompletableFuture.completedFuture(created);
          }
          IdempotencyClaim winner = earlier.get();
          return withdraw(created.id())
              .thenCompose(
                  withdrawn ->
                      winner.fingerprint().equals(command.fingerprint())
                          ? findOrFail(winner.job())
                          : CompletableFuture.failedFuture(new IdempotencyKeyReusedException()));
        });
  }

  /** Cancels a job that lost the race for its idempotency key (a finished one simply expires). */
  private CompletableFuture<Optional<Job>> withdraw(JobId id) {
    return store.update(
        id, mine -> mine.status().isFinished() ? mine : mine.cancel(clock.instant()));
  }

  private CompletableFuture<JobSubmission> repeated(
      IdempotencyClaim claim, SubmitJobCommand command) {
    if (!claim.fingerprint().equals(command.fingerprint())) {
      return CompletableFuture.failedFuture(new IdempotencyKeyReusedException());
    }
    return findOrFail(claim.job())
        .thenApply(job -> new JobSubmission(JobViews.of(job), false, 0, RateLimitStatus.UNLIMITED));
  }

  private CompletableFuture<Job> findOrFail(JobId id) {
    return store
        .find(id)
        .thenCompose(
            found ->
                found
                    .map(CompletableFuture::completedFuture)
                    .orElseGet(
                        () ->
                            CompletableFuture.failedFuture(new JobNotFoundException(id.value()))));
  }
}
