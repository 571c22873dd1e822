package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.jobs.RunJobsUseCase;
import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobQueue.Delivery;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.application.port.out.jobs.JobsUnavailableException;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.shared.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;

/**
 * Runs jobs on the calling worker thread (never the synchronous compute pool): start the job,
 * obtain F(n), store it, mark the job succeeded, and only then acknowledge the delivery, so that a
 * worker dying mid-job leaves it to be delivered again.
 *
 * <p>F(n) is computed once however many jobs want it: the worker that claims n computes it (with
 * progress saved and cancellation honoured between doubling steps); the others follow its progress
 * and take the stored value. A failed attempt is retried until {@link
 * WorkerSettings#maxAttempts()}; then, or when a delivery comes back more often than that (its
 * workers died), the job fails and its delivery goes to the dead letters.
 *
 * <p>An attempt that fails because a store cannot be reached ({@link JobsUnavailableException}: a
 * Redis failover, say) is not the job's failure and spends none of its attempts: the worker keeps
 * the delivery and tries again every {@link #STORE_RETRY_PAUSE} until the stores answer, unless
 * another worker has taken the job over meanwhile. Handing it back at once would burn every attempt
 * within the seconds of an outage.
 */
public final class RunJobsService implements RunJobsUseCase {

  /** How often a running job's progress is written, and its cancellation looked for. */
  static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

  /** The pause before an attempt a store could not serve is made again. */
  static final Duration STORE_RETRY_PAUSE = Duration.ofMillis(500);

  private final JobQueue queue;
  private final JobStore store;
  private final JobResultStore results;
  private final ComputationClaims claims;
  private final FibonacciCalculator calculator;
  private final WorkerSettings settings;
  private final Clock clock;

  public RunJobsService(
      JobQueue queue,
      JobStore store,
      JobResultStore results,
      ComputationClaims claims,
      FibonacciCalculator calculator,
      WorkerSettings settings,
      Clock clock) {
    this.queue = queue;
    this.store = store;
    this.results = results;
    this.claims = claims;
    this.calculator = calculator;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public boolean runNext(Duration wait) throws InterruptedException {
    Optional<Delivery> next = queue.take(wait);
    if (next.isEmpty()) {
      return false;
    }
    Delivery delivery = next.get();
    if (delivery.attempt() > settings.maxAttempts()) {
      giveUp(
          delivery,
          "the job was handed to a worker %d times and none finished it"
              .formatted(delivery.attempt() - 1));
      return true;
    }
    Optional<Job> started =
        store
            .update(
                delivery.job(),
                job -> job.status() == JobStatus.QUEUED ? job.start(clock.instant()) : job)
            .join();
    // Gone, finished or cancelled meanwhile: nothing to do. A running one is a redelivery.
    if (started.isEmpty() || started.get().status() != JobStatus.RUNNING) {
      queue.acknowledge(delivery);
      return true;
    }
    Attempt attempt = run(started.get(), delivery);
    while (attempt.storeUnavailable()) {
      Thread.sleep(STORE_RETRY_PAUSE.toMillis());
      if (!stillHeld(delivery)) {
        return true; // another worker took the job over meanwhile: it is theirs now
      }
      attempt = run(started.get(), delivery);
    }
    String failure = attempt.failure();
    if (failure == null) {
      queue.acknowledge(delivery);
    } else if (delivery.attempt() < settings.maxAttempts()) {
      queue.retry(delivery);
    } else {
      giveUp(delivery, failure);
    }
    return true;
  }

  /** What one attempt came to: an outcome, a failure of the job, or a store out of reach. */
  private record Attempt(@Nullable String failure, boolean storeUnavailable) {
    static final Attempt REACHED_OUTCOME = new Attempt(null, false);
    static final Attempt STORE_UNAVAILABLE = new Attempt(null, true);
  }

  /** Runs one attempt. */
  private Attempt run(Job job, Delivery delivery) throws InterruptedException {
    Watch watch = new Watch(job.id(), delivery);
    try {
      FibonacciNumber value = obtain(job, watch);
      finish(job.id(), current -> current.succeed(clock.instant(), value.digitCount()));
      return Attempt.REACHED_OUTCOME;
    } catch (CancellationException cancelled) {
      // the job is cancelled in the store already: that is why it stopped
      return Attempt.REACHED_OUTCOME;
    } catch (RuntimeException | OutOfMemoryError failure) {
      return unavailability(failure)
          ? Attempt.STORE_UNAVAILABLE
          : new Attempt(failure.getClass().getSimpleName() + ": " + failure.getMessage(), false);
    }
  }

  /** Whether the failure is a store that could not be reached (wrapped by a join or not). */
  private static boolean unavailability(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JobsUnavailableException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this worker still holds the delivery: its lease renewed. While the queue cannot be
   * reached either, it is taken to be held (the entry stays this worker's until its lease passes).
   */
  private boolean stillHeld(Delivery delivery) {
    try {
      return queue.renew(delivery);
    } catch (RuntimeException unreachable) {
      return true;
    }
  }

  /** The stored value, computed here unless another job claimed it first (then followed). */
  private FibonacciNumber obtain(Job job, Watch watch) throws InterruptedException {
    Position position = job.position();
    while (true) {
      Optional<FibonacciNumber> stored = results.find(position).join();
      if (stored.isPresent()) {
        return stored.get();
      }
      JobId holder = claims.claim(position, job.id(), settings.lease()).join();
      if (holder.equals(job.id())) {
        // The holder before us may have stored the value and let go just now: look again.
        Optional<FibonacciNumber> storedMeanwhile = results.find(position).join();
        if (storedMeanwhile.isPresent()) {
          claims.release(position, job.id()).join();
          return storedMeanwhile.get();
        }
        return computeAndStore(position, watch);
      }
      watch.follow(holder);
      Thread.sleep(CHECK_INTERVAL.toMillis());
      if (watch.cancelled()) {
        throw new CancellationException("job " + job.id() + " was cancelled");
      }
    }
  }

  private FibonacciNumber computeAndStore(Position position, Watch watch) {
    watch.computing(position);
    try {
      FibonacciNumber value = calculator.compute(position, watch);
      results.save(value).join();
      return value;
    } finally {
      watch.computing(null);
      try {
        claims.release(position, watch.job).join();
      } catch (RuntimeException unreleased) {
        // The claim lapses with its lease.
      }
    }
  }

  /** Applies the outcome unless the job ended otherwise meanwhile (cancelled, say). */
  private void finish(JobId id, UnaryOperator<Job> outcome) {
    store
        .update(id, current -> current.status().isFinished() ? current : outcome.apply(current))
        .join();
  }

  private void giveUp(Delivery delivery, String reason) {
    finish(delivery.job(), current -> current.fail(clock.instant(), reason));
    queue.deadLetter(delivery, reason);
  }

  /**
   * What a running job does between doubling steps, at most every {@link #CHECK_INTERVAL}: save its
   * progress (or that of the job it follows), look for its cancellation, and renew its delivery and
   * claim. A check the store cannot answer is skipped; the next one tries again.
   */
  private final class Watch implements ComputationMonitor {
    private final JobId job;
    private final Delivery delivery;
    private long nextCheck;
    private long nextRenewal;
    private boolean cancelled;
    private double reported;
    private @Nullable JobId followed;
    private @Nullable Position computing;

    Watch(JobId job, Delivery delivery) {
      this.job = job;
      this.delivery = delivery;
      long now = clock.millis();
      this.nextCheck = now;
      this.nextRenewal = now + settings.renewEvery().toMillis();
    }

    void computing(@Nullable Position position) {
      computing = position;
      followed = null;
    }

    void follow(JobId holder) {
      followed = holder;
      check();
    }

    @Override
    public void progressed(double fractionOfWork) {
      reported = fractionOfWork;
      check();
    }

    @Override
    public boolean cancelled() {
      check();
      return cancelled;
    }

    private void check() {
      long now = clock.millis();
      if (cancelled || now < nextCheck) {
        return;
      }
      nextCheck = now + CHECK_INTERVAL.toMillis();
      try {
        if (now >= nextRenewal) {
          nextRenewal = now + settings.renewEvery().toMillis();
          renew();
        }
        double fraction = followed == null ? reported : progressOf(followed);
        Optional<Job> current =
            store
                .update(
                    job,
                    stored ->
                        stored.status() == JobStatus.RUNNING ? stored.progressed(fraction) : stored)
                .join();
        cancelled = current.isEmpty() || current.get().status() != JobStatus.RUNNING;
      } catch (RuntimeException unreachable) {
        // Skipped: the store did not answer. The lease outlasts a few missed renewals.
      }
    }

    private void renew() {
      queue.renew(delivery);
      Position position = computing;
      if (position != null) {
        claims.claim(position, job, settings.lease()).join();
      }
    }

    private double progressOf(JobId other) {
      return store.find(other).join().map(Job::progress).orElse(reported);
    }
  }
}
