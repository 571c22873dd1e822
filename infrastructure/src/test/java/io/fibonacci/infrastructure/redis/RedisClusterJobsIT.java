package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.infrastructure.contract.JobQueueContract;
import io.fibonacci.infrastructure.contract.JobResultStoreContract;
import io.fibonacci.infrastructure.contract.JobStoreContract;
import io.fibonacci.infrastructure.testing.RedisClusterTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job adapters on a real 6-node Redis Cluster, held to the same contracts as on one node: a
 * job's state and its owner's set live in the queue's slot (the scripts touch them together), and
 * results and computation claims spread over the masters.
 */
class RedisClusterJobsIT {

  @RegisterExtension static final RedisClusterTestServer CLUSTER = new RedisClusterTestServer();

  private static final Duration LEASE = Duration.ofSeconds(1);

  private static String freshPrefix() {
    return "jobs:it:" + UUID.randomUUID() + ":";
  }

  @Nested
  class Store extends JobStoreContract {

    @Override
    protected JobStore store() {
      return new RedisJobStore(
          CLUSTER.newLink(), RedisJobStore.inQueueSlot(freshPrefix()), Duration.ofHours(1));
    }
  }

  @Nested
  class Queue extends JobQueueContract {

    @Override
    protected JobQueue queue(int capacity) {
      return new RedisJobQueue(CLUSTER.newLink(), freshPrefix(), capacity, "worker-1", LEASE);
    }
  }

  @Nested
  class Results extends JobResultStoreContract {

    @Override
    protected JobResultStore store() {
      return new RedisJobResultStore(CLUSTER.newLink(), freshPrefix(), Duration.ofHours(1));
    }
  }

  @Test
  void keepsAJobItsOwnersSetAndTheQueueOnOneSlot() {
    String prefix = freshPrefix();
    JobStore store =
        new RedisJobStore(
            CLUSTER.newLink(), RedisJobStore.inQueueSlot(prefix), Duration.ofHours(1));
    JobQueue queue = new RedisJobQueue(CLUSTER.newLink(), prefix, 10, "worker-1", LEASE);
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    ClientKey owner = ClientKey.of("198.51.100.7");
    Job job = Job.submitted(JobId.random(new SplittableRandom(11)), Position.of(9), owner, now);

    store.save(job).join();
    queue.offer(job.id(), null).join();
    int active = store.activeJobsOf(owner).join();
    int queueSlot = CLUSTER.slotOf(prefix + "{queue}");

    assertThat(active).isEqualTo(1);
    assertThat(CLUSTER.slotOf(RedisJobStore.inQueueSlot(prefix) + "job:" + job.id().value()))
        .isEqualTo(queueSlot);
    assertThat(CLUSTER.slotOf(RedisJobStore.inQueueSlot(prefix) + "active:" + owner.value()))
        .isEqualTo(queueSlot);
  }

  @Test
  void grantsAComputationClaimToOneJobAtATimeAcrossLinks() {
    String prefix = freshPrefix();
    var here = new RedisComputationClaims(CLUSTER.newLink(), prefix);
    var there = new RedisComputationClaims(CLUSTER.newLink(), prefix);
    SplittableRandom random = new SplittableRandom(12);
    JobId mine = JobId.random(random);
    JobId theirs = JobId.random(random);
    int granted = 0;

    for (int n = 30_000_000; n < 30_000_030; n++) {
      Position position = Position.of(n);
      JobId first = here.claim(position, mine, Duration.ofSeconds(30)).join();
      JobId second = there.claim(position, theirs, Duration.ofSeconds(30)).join();
      granted += first.equals(mine) && second.equals(mine) ? 1 : 0;
    }

    assertThat(granted).isEqualTo(30);
  }
}
