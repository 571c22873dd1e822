package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two instances sharing one Redis enforce one window for a client, not one each. */
class GlobalRateLimitIT {

  private static final int HOURLY_LIMIT = 40;

  private static TwoInstances instances;

  @BeforeAll
  static void startRedisAndTwoInstances() {
    instances =
        TwoInstances.start(
            Map.of(
                "rate-limit.bucket.capacity", 100_000,
                "rate-limit.bucket.refill-per-second", 10_000,
                "rate-limit.windows.per-hour", HOURLY_LIMIT));
  }

  @AfterAll
  static void stopEverything() {
    if (instances != null) {
      instances.close();
    }
  }

  @Test
  void allowsTheHourlyLimitOnceAcrossBothInstancesForOneClient() throws Exception {
    HourlyWindow.awaitAtLeast(Duration.ofSeconds(15));
    List<Future<Integer>> statuses = new ArrayList<>();

    try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 3 * HOURLY_LIMIT; i++) {
        ServiceInstance target = i % 2 == 0 ? instances.first : instances.second;
        statuses.add(clients.submit(() -> target.get("/api/v1/fibonacci/7").status()));
      }
    }

    List<Integer> answered = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      answered.add(status.get());
    }
    assertThat(answered).filteredOn(status -> status == 200).hasSize(HOURLY_LIMIT);
    assertThat(answered).filteredOn(status -> status == 429).hasSize(2 * HOURLY_LIMIT);
    assertThat(instances.redis.keys("rl:v1:*")).isNotEmpty();
  }
}
