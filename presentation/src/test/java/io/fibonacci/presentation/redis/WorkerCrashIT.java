package io.fibonacci.presentation.redis;

import static io.fibonacci.presentation.redis.JobsOnRedis.awaitFinished;
import static io.fibonacci.presentation.redis.JobsOnRedis.idOf;
import static io.fibonacci.presentation.redis.JobsOnRedis.progressOf;
import static io.fibonacci.presentation.redis.JobsOnRedis.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.http.KnownVectors;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker process killed with {@code SIGKILL} in the middle of F(10^8) loses nothing: once its
 * lease runs out another worker process reclaims the job, computes it and the result is exact.
 */
class WorkerCrashIT {

  private static final String CLIENT = "203.0.113.20";
  private static final Map<String, String> WORKER = Map.of("FIBONACCI_JOBS_LEASE", "2s");

  @Test
  void aWorkerKilledMidJobLosesNothing() throws Exception {
    Map<String, Object> api = new HashMap<>(JobsOnRedis.SETTINGS);
    api.put("fibonacci.role", "api");
    try (LocalRedis redis = LocalRedis.start();
        ServiceInstance service = ServiceInstance.start(redis.uri(), api);
        WorkerProcess doomed = WorkerProcess.start(redis.uri(), WORKER).awaitStarted()) {
      HttpResponse<String> submitted =
          service.send("POST", "/api/v1/jobs", "{\"n\": 100000000}", "X-Forwarded-For", CLIENT);
      String id = idOf(submitted.body());
      String job = submitted.body();
      long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!(statusOf(job).equals("running") && progressOf(job) > 0) && System.nanoTime() < end) {
        LocalRedis.pause(Duration.ofMillis(20));
        job = service.send("GET", "/api/v1/jobs/" + id, null, "X-Forwarded-For", CLIENT).body();
      }

      doomed.kill();
      String atTheKill =
          service.send("GET", "/api/v1/jobs/" + id, null, "X-Forwarded-For", CLIENT).body();
      String finished;
      try (WorkerProcess rescuer = WorkerProcess.start(redis.uri(), WORKER).awaitStarted()) {
        finished = awaitFinished(service, id, CLIENT, Duration.ofMinutes(3));
      }
      HttpResponse<byte[]> result =
          service.getBytes(
              "/api/v1/jobs/" + id + "/result", "Accept", "text/plain", "X-Forwarded-For", CLIENT);

      assertThat(submitted.statusCode()).isEqualTo(202);
      assertThat(statusOf(atTheKill)).as("killed while computing").isEqualTo("running");
      assertThat(progressOf(atTheKill)).isPositive().isLessThan(1.0);
      assertThat(statusOf(finished)).isEqualTo("succeeded");
      assertThat(progressOf(finished)).isEqualTo(1.0);
      assertThat(result.body()).hasSize(KnownVectors.of(100_000_000).digits());
      assertThat(KnownVectors.sha256(result.body()))
          .isEqualTo(KnownVectors.of(100_000_000).sha256());
      assertThat(redis.command("XLEN", "jobs:v1:{queue}")).isEqualTo("0");
      assertThat(redis.command("XLEN", "jobs:v1:{queue}:dead")).isEqualTo("0");
    }
  }
}
