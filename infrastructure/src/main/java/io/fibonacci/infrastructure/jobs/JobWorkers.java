package io.fibonacci.infrastructure.jobs;

import io.fibonacci.application.port.in.jobs.RunJobsUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of one instance: each runs the worker use case in a loop, one job at a time,
 * on a platform thread of its own (a job computes for seconds; it must not pin a carrier thread or
 * take the synchronous compute pool). Stopping takes no new job and gives the job at hand up to the
 * shutdown grace to finish; one still computing then is left unacknowledged, and the queue hands it
 * to another worker after its lease.
 */
public final class JobWorkers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);

  /** How long an idle worker waits for a job before looking whether it should stop. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final List<Thread> threads = new ArrayList<>();
  private final Duration shutdownGrace;
  private volatile boolean stopping;

  public JobWorkers(RunJobsUseCase work, int count, Duration shutdownGrace) {
    Objects.requireNonNull(work, "work");
    this.shutdownGrace = Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (count < 1) {
      throw new IllegalArgumentException("at least one worker, got " + count);
    }
    for (int i = 1; i <= count; i++) {
      Thread thread = new Thread(() -> loop(work), "fibonacci-job-worker-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  /** Starts every worker. */
  public JobWorkers start() {
    threads.forEach(Thread::start);
    return this;
  }

  private void loop(RunJobsUseCase work) {
    while (!stopping) {
      try {
        work.runNext(POLL);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException failure) {
        // A store that cannot be reached: the job stays unacknowledged; try again shortly.
        LOG.warn("A job worker could not run a job: {}", failure.toString());
        pause();
      } catch (StackOverflowError | LinkageError failure) {
        // The thread is still sound: keep the worker (an OutOfMemoryError ends the JVM instead).
        LOG.error("A job worker failed: {}", failure.toString());
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopping = true;
    long deadline = System.nanoTime() + shutdownGrace.toNanos();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          thread.join(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Thread thread : threads) {
      if (thread.isAlive()) {
        LOG.warn("{} is still running a job at shutdown: it will be handed on", thread.getName());
        thread.interrupt();
      }
    }
  }
}
