package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.fibonacci.domain.model.identity.ApiKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis down while clients present API keys: a key the instance saw lately keeps working (its last
 * known state), a key it never saw is neither accepted nor refused (503 with Retry-After, not a 401
 * that would tell a valid client its key is bad), and anonymous requests are unaffected.
 */
class ApiKeysRedisOutageIT {

  @Test
  void keepsServingKnownKeysAndAnswers503ForUnseenOnesWhileRedisIsDown() throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        ServiceInstance service =
            ServiceInstance.start(
                redis.uri(), Map.of("rate-limit.plans.team.bucket.capacity", 5000))) {
      String known = service.bean(ManageApiKeysUseCase.class).create("team", "").secret();
      int before =
          service.send("GET", "/api/v1/fibonacci/11", null, "X-API-Key", known).statusCode();
      String unseen = ApiKey.generate(new SecureRandom()).reveal();

      redis.stop();
      LocalRedis.pause(Duration.ofMillis(300));
      var knownDuring = service.send("GET", "/api/v1/fibonacci/11", null, "X-API-Key", known);
      var unseenDuring = service.send("GET", "/api/v1/fibonacci/11", null, "X-API-Key", unseen);
      var anonymousDuring = service.send("GET", "/api/v1/fibonacci/11", null);

      assertThat(before).isEqualTo(200);
      assertThat(knownDuring.statusCode()).isEqualTo(200);
      assertThat(unseenDuring.statusCode()).isEqualTo(503);
      assertThat(unseenDuring.body()).contains("urn:fibonacci:problem:credentials-unavailable");
      assertThat(unseenDuring.headers().firstValue("Retry-After")).isPresent();
      assertThat(anonymousDuring.statusCode()).isEqualTo(200);
    }
  }
}
