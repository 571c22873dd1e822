package io.fibonacci.presentation.redis;

import java.time.Duration;
import java.time.Instant;

/**
 * For tests that count requests in a client's hourly window: a window that ends mid-test resets.
 */
final class HourlyWindow {

  private HourlyWindow() {}

  /** Waits for the next hour when less than {@code needed} of this one is left. */
  static void awaitAtLeast(Duration needed) {
    long secondsLeft = 3_600 - Instant.now().getEpochSecond() % 3_600;
    if (secondsLeft < needed.toSeconds()) {
      LocalRedis.pause(Duration.ofSeconds(secondsLeft + 1));
    }
  }
}
