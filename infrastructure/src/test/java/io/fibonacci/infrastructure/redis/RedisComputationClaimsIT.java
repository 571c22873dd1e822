package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisComputationClaimsIT {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private final String prefix = REDIS.keyPrefix() + UUID.randomUUID() + ":";
  private final SplittableRandom random = new SplittableRandom(3);
  private final JobId mine = JobId.random(random);
  private final JobId theirs = JobId.random(random);
  private final Position position = Position.of(50_000_000);

  @Test
  void grantsAClaimToOneJobAtATimeAcrossInstances() {
    var here = new RedisComputationClaims(REDIS.newLink(), prefix);
    var there = new RedisComputationClaims(REDIS.newLink(), prefix);

    JobId first = here.claim(position, mine, Duration.ofSeconds(30)).join();
    JobId second = there.claim(position, theirs, Duration.ofSeconds(30)).join();
    JobId renewed = here.claim(position, mine, Duration.ofSeconds(30)).join();
    there.release(position, theirs).join();
    JobId afterForeignRelease = there.claim(position, theirs, Duration.ofSeconds(30)).join();
    here.release(position, mine).join();
    JobId afterRelease = there.claim(position, theirs, Duration.ofSeconds(30)).join();

    assertThat(first).isEqualTo(mine);
    assertThat(second).isEqualTo(mine);
    assertThat(renewed).isEqualTo(mine);
    assertThat(afterForeignRelease).isEqualTo(mine);
    assertThat(afterRelease).isEqualTo(theirs);
    assertThat(REDIS.inspect().pttl(prefix + "computing:50000000")).isBetween(1L, 30_000L);
  }

  @Test
  void letsAClaimLapseWhenItsHolderFallsSilent() throws Exception {
    var claims = new RedisComputationClaims(REDIS.newLink(), prefix);
    claims.claim(position, mine, Duration.ofMillis(200)).join();

    Thread.sleep(400);

    assertThat(claims.claim(position, theirs, Duration.ofSeconds(1)).join()).isEqualTo(theirs);
  }
}
