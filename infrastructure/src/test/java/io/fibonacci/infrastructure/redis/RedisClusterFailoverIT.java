package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.testing.RedisClusterTestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster link follows a failover by itself: once a master is killed (SIGKILL) and its replica
 * has taken over, the slots it held answer again through the same link, within seconds, without a
 * restart of the client; and the state written before the kill (replicated) is still there.
 */
class RedisClusterFailoverIT {

  @RegisterExtension static final RedisClusterTestServer CLUSTER = new RedisClusterTestServer();

  /** Node timeout, election, then at most one periodic topology refresh, with room to spare. */
  private static final Duration FOLLOWED_WITHIN = Duration.ofSeconds(30);

  @Test
  void answersForAKilledMastersSlotsOnceItsReplicaTookOver() throws Exception {
    RedisLink link = CLUSTER.newLink();
    String prefix = "rl:failover:" + UUID.randomUUID() + ":";
    RateLimiter limiter =
        RedisRateLimiter.withServerTime(link, RateLimitPolicy.of(5, 0.001, 0, 0, 0), prefix);
    ClientKey client = ClientKey.of("198.51.100.77");
    int allowedBefore = 0;
    for (int i = 0; i < 3; i++) {
      allowedBefore += limiter.tryAcquire(client, 1).toCompletableFuture().join().allowed() ? 1 : 0;
    }
    int master = CLUSTER.masterOf(prefix + "{" + client.value() + "}:bucket");

    CLUSTER.awaitReplicated(master);
    long killed = System.nanoTime();
    CLUSTER.kill(master);
    int failedCalls = 0;
    Boolean answered = null;
    while (answered == null && System.nanoTime() - killed < FOLLOWED_WITHIN.toNanos()) {
      try {
        answered = limiter.tryAcquire(client, 1).toCompletableFuture().join().allowed();
      } catch (RuntimeException stillFailingOver) {
        failedCalls++;
        Thread.sleep(50);
      }
    }
    long followedMillis = (System.nanoTime() - killed) / 1_000_000;
    int newMaster = CLUSTER.masterOf(prefix + "{" + client.value() + "}:bucket");
    int allowedAfter = Boolean.TRUE.equals(answered) ? 1 : 0;
    while (limiter.tryAcquire(client, 1).toCompletableFuture().join().allowed()) {
      allowedAfter++;
    }
    CLUSTER.restart(master);

    System.out.printf(
        "failover followed after %d ms (%d calls refused meanwhile)%n",
        followedMillis, failedCalls);
    assertThat(allowedBefore).isEqualTo(3);
    assertThat(answered).as("answered within %s of the kill", FOLLOWED_WITHIN).isNotNull();
    assertThat(newMaster).isNotEqualTo(master);
    assertThat(failedCalls).as("calls refused while the slot had no master").isPositive();
    // the bucket, replicated before the kill, survived it: 2 of its 5 tokens remain, not 5
    assertThat(allowedAfter).isEqualTo(2);
  }
}
