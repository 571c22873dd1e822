package io.fibonacci.application.service.jobs;

import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The limits of the job use cases.
 *
 * @param positions the positions a job may ask for ({@code fibonacci.jobs.max-n})
 * @param synchronousMaxN the largest position answered at once: a job for it is born succeeded
 * @param maxActivePerClient queued or running jobs a client may have at once
 * @param retryAfterWhenFull what a client is told to wait when the queue is full
 * @param pollInterval how often a waiting request ({@code Prefer: wait}) looks at its job
 * @param maxActiveByPlan the cap of identified clients, by plan, where it differs
 */
public record JobSettings(
    PositionLimit positions,
    int synchronousMaxN,
    int maxActivePerClient,
    Duration retryAfterWhenFull,
    Duration pollInterval,
    Map<String, Integer> maxActiveByPlan) {

  /** Settings with one cap for every client. */
  public JobSettings(
      PositionLimit positions,
      int synchronousMaxN,
      int maxActivePerClient,
      Duration retryAfterWhenFull,
      Duration pollInterval) {
    this(
        positions, synchronousMaxN, maxActivePerClient, retryAfterWhenFull, pollInterval, Map.of());
  }

  /** The most queued or running jobs this client may have: its plan's, else the anonymous cap. */
  public int maxActiveFor(ClientKey client) {
    return client.plan().map(maxActiveByPlan::get).orElse(maxActivePerClient);
  }

  public JobSettings {
    maxActiveByPlan = Map.copyOf(maxActiveByPlan);
    Objects.requireNonNull(positions, "positions");
    Objects.requireNonNull(retryAfterWhenFull, "retryAfterWhenFull");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (maxActivePerClient < 1 || synchronousMaxN < 0 || pollInterval.isNegative()) {
      throw new IllegalArgumentException(
          "maxActivePerClient >= 1, synchronousMaxN >= 0, pollInterval >= 0");
    }
  }
}
