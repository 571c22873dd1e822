package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.infrastructure.contract.JobStoreContract;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobStoreIT extends JobStoreContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private final String prefix = REDIS.keyPrefix() + UUID.randomUUID() + ":";

  @Override
  protected JobStore store() {
    return new RedisJobStore(REDIS.newLink(), prefix, Duration.ofHours(1));
  }

  @Test
  void givesEveryKeyATimeToLiveActiveOrFinished() {
    JobStore store = store();
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    Job job =
        Job.submitted(
            JobId.random(new SplittableRandom(5)), Position.of(9), ClientKey.of("c"), now);

    store.save(job).join();
    long activeTtl = REDIS.inspect().pttl(prefix + "job:" + job.id().value());
    long setTtl = REDIS.inspect().pttl(prefix + "active:c");
    store.update(job.id(), current -> current.fail(now, "broken\nacross lines")).join();
    long finishedTtl = REDIS.inspect().pttl(prefix + "job:" + job.id().value());

    assertThat(activeTtl).isBetween(1L, 3_600_000L);
    assertThat(setTtl).isBetween(1L, 3_600_000L);
    assertThat(finishedTtl).isBetween(1L, 3_600_000L);
    assertThat(store.find(job.id()).join().orElseThrow().error()).isEqualTo("broken\nacross lines");
    assertThat(store.activeJobsOf(ClientKey.of("c")).join()).isZero();
  }

  @Test
  void stopsCountingAnActiveJobWhoseKeyVanished() {
    JobStore store = store();
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    ClientKey owner = ClientKey.of("vanishing");
    Job job = Job.submitted(JobId.random(new SplittableRandom(6)), Position.of(9), owner, now);
    store.save(job).join();
    int before = store.activeJobsOf(owner).join();

    REDIS.inspect().del(prefix + "job:" + job.id().value());

    assertThat(before).isEqualTo(1);
    assertThat(store.activeJobsOf(owner).join()).isZero();
  }
}
