package io.fibonacci.presentation.redis;

import static io.fibonacci.presentation.redis.JobsOnRedis.awaitFinished;
import static io.fibonacci.presentation.redis.JobsOnRedis.idOf;
import static io.fibonacci.presentation.redis.JobsOnRedis.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.http.KnownVectors;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one Redis share their jobs: a job submitted to one is read, awaited, cancelled
 * and downloaded on the other, an idempotency key holds across them, a value wanted by clients of
 * both is computed once, and the results match the independently computed vectors.
 */
class JobsAcrossInstancesIT {

  private static final String ALICE = "203.0.113.10";
  private static final String BOB = "203.0.113.11";
  private static TwoInstances instances;

  @BeforeAll
  static void start() {
    instances = TwoInstances.start(JobsOnRedis.SETTINGS);
  }

  @AfterAll
  static void stop() {
    if (instances != null) {
      instances.close();
    }
  }

  @Test
  void aJobSubmittedToOneInstanceIsAnsweredByTheOther() throws Exception {
    HttpResponse<String> submitted =
        instances.first.send("POST", "/api/v1/jobs", "{\"n\": 20000000}", "X-Forwarded-For", ALICE);
    String id = idOf(submitted.body());

    String finished = awaitFinished(instances.second, id, ALICE, Duration.ofSeconds(120));
    HttpResponse<byte[]> result =
        instances.second.getBytes(
            "/api/v1/jobs/" + id + "/result", "Accept", "text/plain", "X-Forwarded-For", ALICE);
    HttpResponse<String> strangerLooks =
        instances.second.send("GET", "/api/v1/jobs/" + id, null, "X-Forwarded-For", BOB);

    assertThat(submitted.statusCode()).isEqualTo(202);
    assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);
    assertThat(statusOf(finished)).isEqualTo("succeeded");
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.body()).hasSize(KnownVectors.of(20_000_000).digits());
    assertThat(KnownVectors.sha256(result.body())).isEqualTo(KnownVectors.of(20_000_000).sha256());
    assertThat(strangerLooks.statusCode()).isEqualTo(404);
  }

  @Test
  void anIdempotencyKeyHoldsAcrossInstances() throws Exception {
    String body = "{\"n\": 20000001}";
    HttpResponse<String> first =
        instances.first.send(
            "POST", "/api/v1/jobs", body, "X-Forwarded-For", BOB, "Idempotency-Key", "batch-7");
    HttpResponse<String> again =
        instances.second.send(
            "POST", "/api/v1/jobs", body, "X-Forwarded-For", BOB, "Idempotency-Key", "batch-7");
    HttpResponse<String> repurposed =
        instances.second.send(
            "POST",
            "/api/v1/jobs",
            "{\"n\": 20000002}",
            "X-Forwarded-For",
            BOB,
            "Idempotency-Key",
            "batch-7");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(idOf(again.body())).isEqualTo(idOf(first.body()));
    assertThat(repurposed.statusCode()).isEqualTo(422);
    awaitFinished(instances.first, idOf(first.body()), BOB, Duration.ofSeconds(120));
  }

  @Test
  void aValueWantedOnBothInstancesIsComputedOnce() throws Exception {
    awaitNoJobRunning();
    double before = computations();

    HttpResponse<String> mine =
        instances.first.send("POST", "/api/v1/jobs", "{\"n\": 50000000}", "X-Forwarded-For", ALICE);
    HttpResponse<String> theirs =
        instances.second.send("POST", "/api/v1/jobs", "{\"n\": 50000000}", "X-Forwarded-For", BOB);
    String mineDone =
        awaitFinished(instances.second, idOf(mine.body()), ALICE, Duration.ofMinutes(2));
    String theirsDone =
        awaitFinished(instances.first, idOf(theirs.body()), BOB, Duration.ofMinutes(2));
    HttpResponse<byte[]> result =
        instances.first.getBytes(
            "/api/v1/jobs/" + idOf(theirs.body()) + "/result",
            "Accept",
            "text/plain",
            "X-Forwarded-For",
            BOB);

    assertThat(statusOf(mineDone)).isEqualTo("succeeded");
    assertThat(statusOf(theirsDone)).isEqualTo("succeeded");
    assertThat(computations() - before).isEqualTo(1.0);
    assertThat(new String(result.body(), 0, 20, StandardCharsets.US_ASCII))
        .isEqualTo(firstDigitsOf50Million());
    assertThat(KnownVectors.sha256(result.body())).isEqualTo(KnownVectors.of(50_000_000).sha256());
  }

  @Test
  void aJobCancelledOnOneInstanceStopsOnTheOther() throws Exception {
    HttpResponse<String> submitted =
        instances.first.send("POST", "/api/v1/jobs", "{\"n\": 99999989}", "X-Forwarded-For", ALICE);
    String id = idOf(submitted.body());
    String job = submitted.body();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!statusOf(job).equals("running") && System.nanoTime() < end) {
      LocalRedis.pause(Duration.ofMillis(20));
      job =
          instances.second.send("GET", "/api/v1/jobs/" + id, null, "X-Forwarded-For", ALICE).body();
    }

    HttpResponse<String> cancelled =
        instances.second.send("DELETE", "/api/v1/jobs/" + id, null, "X-Forwarded-For", ALICE);
    String after = awaitFinished(instances.first, id, ALICE, Duration.ofSeconds(10));
    HttpResponse<String> result =
        instances.first.send(
            "GET", "/api/v1/jobs/" + id + "/result", null, "X-Forwarded-For", ALICE);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(statusOf(cancelled.body())).isEqualTo("cancelled");
    assertThat(statusOf(after)).isEqualTo("cancelled");
    assertThat(result.statusCode()).isEqualTo(409);
    // The worker stopped: no value for this n was stored.
    assertThat(instances.redis.keys("jobs:v1:result:99999989")).isEmpty();
    assertThat(awaitNoJobRunning()).as("the cancelled computation ended").isTrue();
  }

  /** Waits until neither instance's workers hold a job (a cancelled one has stopped). */
  private static boolean awaitNoJobRunning() {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (instances.first.gauge("fibonacci_jobs_running").orElse(1.0) == 0
          && instances.second.gauge("fibonacci_jobs_running").orElse(1.0) == 0) {
        return true;
      }
      LocalRedis.pause(Duration.ofMillis(50));
    }
    return false;
  }

  private static double computations() {
    return instances.first.gauge("fibonacci_computation_seconds_count").orElse(0.0)
        + instances.second.gauge("fibonacci_computation_seconds_count").orElse(0.0);
  }

  private static String firstDigitsOf50Million() throws Exception {
    for (String line :
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of(
                JobsAcrossInstancesIT.class.getResource("/fibonacci-vectors.tsv").toURI()))) {
      if (line.startsWith("50000000\t")) {
        return line.split("\t")[2];
      }
    }
    throw new IllegalStateException("no vector for 50000000");
  }
}
