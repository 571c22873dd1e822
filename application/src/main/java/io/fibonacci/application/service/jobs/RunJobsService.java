package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.in.jobs.RunJobsUseCase;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobQueue.Delivery;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Runs jobs on the calling worker thread (never the synchronous compute pool): start the job,
 * compute F(n) with progress saved and cancellation honoured between doubling steps (or reuse a
 * value another job stored), store the value, mark the job succeeded, and only then acknowledge the
 * delivery, so that a worker dying mid-job leaves it to be delivered again.
 */
public final class RunJobsService implements RunJobsUseCase {

  /** How often a running job's progress is written, and its cancellation looked for. */
  static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

  private final JobQueue queue;
  private final JobStore store;
  private final JobResultStore results;
  private final FibonacciCalculator calculator;
  private final Clock clock;

  public RunJobsService(
      JobQueue queue,
      JobStore store,
      JobResultStore results,
      FibonacciCalculator calculator,
      Clock clock) {
    this.queue = queue;
    this.store = store;
    this.results = results;
    this.calculator = calculator;
    this.clock = clock;
  }

  @Override
  public boolean runNext(Duration wait) throws InterruptedException {
    Optional<Delivery> next = queue.take(wait);
    if (next.isEmpty()) {
      return false;
    }
    Delivery delivery = next.get();
    Optional<Job> started =
        store
            .update(
                delivery.job(),
                job -> job.status() == JobStatus.QUEUED ? job.start(clock.instant()) : job)
            .join();
    // Gone, finished or cancelled meanwhile: nothing to do. A running one is a redelivery.
    if (started.isPresent() && started.get().status() == JobStatus.RUNNING) {
      run(started.get());
    }
    queue.acknowledge(delivery);
    return true;
  }

  private void run(Job job) {
    try {
      FibonacciNumber value =
          results.find(job.position()).join().orElseGet(() -> computeAndStore(job));
      finish(job, current -> current.succeed(clock.instant(), value.digitCount()));
    } catch (CancellationException cancelled) {
      // The job is cancelled in the store already: that is why the computation stopped.
    } catch (RuntimeException | OutOfMemoryError failure) {
      String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
      finish(job, current -> current.fail(clock.instant(), reason));
    }
  }

  private FibonacciNumber computeAndStore(Job job) {
    FibonacciNumber value = calculator.compute(job.position(), new Watch(job));
    results.save(value).join();
    return value;
  }

  /** Applies the outcome unless the job ended otherwise meanwhile (cancelled, say). */
  private void finish(Job job, java.util.function.UnaryOperator<Job> outcome) {
    store
        .update(
            job.id(),
            current -> current.status() == JobStatus.RUNNING ? outcome.apply(current) : current)
        .join();
  }

  /** Saves progress and looks for cancellation, at most every {@link #CHECK_INTERVAL}. */
  private final class Watch implements ComputationMonitor {
    private final Job job;
    private Instant nextCheck;
    private boolean cancelled;
    private double reported;

    Watch(Job job) {
      this.job = job;
      this.nextCheck = clock.instant();
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
      Instant now = clock.instant();
      if (cancelled || now.isBefore(nextCheck)) {
        return;
      }
      nextCheck = now.plus(CHECK_INTERVAL);
      double fraction = reported;
      Optional<Job> current =
          store
              .update(
                  job.id(),
                  stored ->
                      stored.status() == JobStatus.RUNNING ? stored.progressed(fraction) : stored)
              .join();
      cancelled = current.isEmpty() || current.get().status() != JobStatus.RUNNING;
    }
  }
}
