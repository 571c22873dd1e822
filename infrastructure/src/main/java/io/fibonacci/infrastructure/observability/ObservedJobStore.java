package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What the job store shows of the jobs: {@code fibonacci_jobs_submitted_total} (every job created,
 * queued or born succeeded), {@code fibonacci_jobs_finished_total{outcome}} and {@code
 * fibonacci_jobs_duration_seconds} (from start to end of the jobs that ran). Counted from the
 * transitions the store applies, so every use case's changes are seen, whichever made them; each
 * transition is applied once, by one instance, so the sums over instances are exact.
 */
public final class ObservedJobStore implements JobStore {

  static final String SUBMITTED = "fibonacci.jobs.submitted";
  static final String FINISHED = "fibonacci.jobs.finished";
  static final String DURATION = "fibonacci.jobs.duration";

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(300)
  };

  private final JobStore delegate;
  private final Counter submitted;
  private final Map<JobStatus, Counter> finished = new EnumMap<>(JobStatus.class);
  private final Timer duration;

  public ObservedJobStore(JobStore delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.submitted =
        Counter.builder(SUBMITTED)
            .description("Jobs created, queued or born succeeded")
            .register(registry);
    for (JobStatus outcome :
        new JobStatus[] {JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED}) {
      finished.put(
          outcome,
          Counter.builder(FINISHED)
              .description("Jobs that ended, by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    this.duration =
        Timer.builder(DURATION)
            .description("Jobs from start to end, those that ran")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
  }

  /** A save is a new job (the use cases change stored jobs through update): no read first. */
  @Override
  public CompletableFuture<Void> save(Job job) {
    return delegate.save(job).thenRun(() -> changed(null, job));
  }

  @Override
  public CompletableFuture<Optional<Job>> update(JobId id, UnaryOperator<Job> change) {
    AtomicReference<Job> before = new AtomicReference<>();
    return delegate
        .update(
            id,
            current -> {
              before.set(current);
              return change.apply(current);
            })
        .thenApply(
            after -> {
              after.ifPresent(job -> changed(before.get(), job));
              return after;
            });
  }

  private void changed(@Nullable Job before, Job after) {
    if (before == null) {
      submitted.increment();
    }
    JobStatus from = before == null ? null : before.status();
    if (from == after.status()) {
      return;
    }
    if (after.status().isFinished()) {
      Counter outcome = finished.get(after.status());
      if (outcome != null) {
        outcome.increment();
      }
      if (from == JobStatus.RUNNING && after.startedAt() != null && after.finishedAt() != null) {
        duration.record(Duration.between(after.startedAt(), after.finishedAt()));
      }
    }
  }

  @Override
  public CompletableFuture<Optional<Job>> find(JobId id) {
    return delegate.find(id);
  }

  @Override
  public CompletableFuture<Void> remove(JobId id) {
    return delegate.remove(id);
  }

  @Override
  public CompletableFuture<Integer> activeJobsOf(ClientKey owner) {
    return delegate.activeJobsOf(owner);
  }

  @Override
  public CompletableFuture<Optional<IdempotencyClaim>> findKey(ClientKey owner, String key) {
    return delegate.findKey(owner, key);
  }

  @Override
  public CompletableFuture<Optional<IdempotencyClaim>> claimKey(
      ClientKey owner, String key, String fingerprint, JobId candidate) {
    return delegate.claimKey(owner, key, fingerprint, candidate);
  }
}
