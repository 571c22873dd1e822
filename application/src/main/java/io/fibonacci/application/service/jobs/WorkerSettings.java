package io.fibonacci.application.service.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How workers hold and retry jobs.
 *
 * @param maxAttempts deliveries of one job before it is given up ({@code
 *     fibonacci.jobs.max-attempts})
 * @param lease how long a delivery, and a claim on computing a value, stay a worker's without
 *     renewal ({@code fibonacci.jobs.lease}); a worker renews both every third of it
 */
public record WorkerSettings(int maxAttempts, Duration lease) {

  public WorkerSettings {
    Objects.requireNonNull(lease, "lease");
    if (maxAttempts < 1 || lease.toMillis() < 3) {
      throw new IllegalArgumentException("maxAttempts >= 1 and a lease of 3 ms or more");
    }
  }

  /** How often a worker renews what it holds: three times per lease. */
  Duration renewEvery() {
    return lease.dividedBy(3);
  }
}
