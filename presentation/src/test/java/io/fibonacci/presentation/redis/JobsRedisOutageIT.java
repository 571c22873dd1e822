package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed while clients submit and read jobs: every job request gets 503 problem+json with
 * {@code Retry-After} (no 500, no hang), the synchronous API keeps answering, and jobs work again
 * once Redis is back.
 */
class JobsRedisOutageIT {

  private static final String CLIENT = "203.0.113.30";

  private LocalRedis redis;
  private ServiceInstance service;

  @BeforeEach
  void start() {
    redis = LocalRedis.start();
    service = ServiceInstance.start(redis.uri(), JobsOnRedis.SETTINGS);
  }

  @AfterEach
  void stop() {
    RedisFaults.closeBoth(service, redis);
  }

  @Test
  void jobRequestsGet503WhileRedisIsDownAndWorkAgainOnceItIsBack() throws Exception {
    HttpResponse<String> before = submit(30_000_001);
    String id = JobsOnRedis.idOf(before.body());

    redis.stop();
    List<HttpResponse<String>> duringOutage = new ArrayList<>();
    List<Integer> synchronous = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      duringOutage.add(submit(30_000_100 + i));
      duringOutage.add(service.send("GET", "/api/v1/jobs/" + id, null, "X-Forwarded-For", CLIENT));
      duringOutage.add(
          service.send("DELETE", "/api/v1/jobs/" + id, null, "X-Forwarded-For", CLIENT));
      synchronous.add(service.get("/api/v1/fibonacci/" + (1_000 + i)).status());
    }
    redis.restart();
    HttpResponse<String> after = submitUntilAccepted(Duration.ofSeconds(20));

    assertThat(before.statusCode()).isEqualTo(202);
    assertThat(duringOutage)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(503);
              assertThat(answer.headers().firstValue("Content-Type"))
                  .hasValueSatisfying(
                      type -> assertThat(type).startsWith("application/problem+json"));
              assertThat(answer.headers().firstValue("Retry-After")).isPresent();
              assertThat(answer.body()).contains("urn:fibonacci:problem:jobs-unavailable");
            });
    assertThat(synchronous).containsOnly(200);
    assertThat(after.statusCode()).isEqualTo(202);
  }

  private HttpResponse<String> submitUntilAccepted(Duration deadline) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    HttpResponse<String> answer = submit(30_000_200);
    while (answer.statusCode() != 202 && System.nanoTime() < end) {
      assertThat(answer.statusCode()).isEqualTo(503);
      LocalRedis.pause(Duration.ofMillis(200));
      answer = submit(30_000_200);
    }
    return answer;
  }

  private HttpResponse<String> submit(int n) throws Exception {
    return service.send("POST", "/api/v1/jobs", "{\"n\": " + n + "}", "X-Forwarded-For", CLIENT);
  }
}
