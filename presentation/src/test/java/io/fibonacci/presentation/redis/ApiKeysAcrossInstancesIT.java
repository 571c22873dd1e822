package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.in.identity.IssuedApiKey;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one Redis: a key made on one works on the other, one key used from two addresses
 * on both instances draws on one quota, and a revocation on one is honoured by both within seconds.
 */
class ApiKeysAcrossInstancesIT {

  private static final Map<String, Object> SETTINGS =
      Map.of(
          "rate-limit.trusted-proxies",
          "127.0.0.1",
          "rate-limit.plans.team.bucket.capacity",
          5000,
          "rate-limit.plans.team.bucket.refill-per-second",
          0.001);

  @Test
  void sharesKeysQuotasAndRevocationsBetweenInstances() throws Exception {
    try (TwoInstances instances = TwoInstances.start(SETTINGS)) {
      IssuedApiKey issued = instances.first.bean(ManageApiKeysUseCase.class).create("team", "ci");

      var fromFirst =
          instances.first.send(
              "GET",
              "/api/v1/fibonacci/9",
              null,
              "X-API-Key",
              issued.secret(),
              "X-Forwarded-For",
              "192.0.2.10");
      var fromSecond =
          instances.second.send(
              "GET",
              "/api/v1/fibonacci/9",
              null,
              "Authorization",
              "Bearer " + issued.secret(),
              "X-Forwarded-For",
              "198.51.100.20");
      instances.second.bean(ManageApiKeysUseCase.class).revoke(issued.key().id());
      int refusedOnFirst = awaitStatus(instances.first, issued.secret(), 401);
      int refusedOnSecond = awaitStatus(instances.second, issued.secret(), 401);

      assertThat(fromFirst.statusCode()).isEqualTo(200);
      assertThat(fromSecond.statusCode()).isEqualTo(200);
      assertThat(fromFirst.headers().firstValue("RateLimit-Policy"))
          .hasValueSatisfying(policy -> assertThat(policy).startsWith("\"bucket\";q=5000;"));
      assertThat(remaining(fromSecond)).isEqualTo(remaining(fromFirst) - 1);
      assertThat(refusedOnFirst).isEqualTo(401);
      assertThat(refusedOnSecond).isEqualTo(401);
      assertThat(instances.redis.keys("auth:v1:*"))
          .allSatisfy(key -> assertThat(key).doesNotContain(issued.secret()));
    }
  }

  private static int awaitStatus(ServiceInstance instance, String key, int status)
      throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    int seen = -1;
    while (System.nanoTime() < end) {
      seen = instance.send("GET", "/api/v1/fibonacci/9", null, "X-API-Key", key).statusCode();
      if (seen == status) {
        return seen;
      }
      LocalRedis.pause(Duration.ofMillis(100));
    }
    return seen;
  }

  private static long remaining(java.net.http.HttpResponse<String> response) {
    String field = response.headers().firstValue("RateLimit").orElseThrow();
    return Long.parseLong(field.replaceAll(".*r=(\\d+).*", "$1"));
  }
}
