package io.fibonacci.application.port.in.jobs;

import java.time.Duration;

/** The worker's loop, one job at a time, driven by the worker threads of the infrastructure. */
public interface RunJobsUseCase {

  /**
   * Takes the next queued job (waiting up to {@code wait}), runs it to its outcome and stores it.
   *
   * @return false when no job came within the wait
   */
  boolean runNext(Duration wait) throws InterruptedException;
}
