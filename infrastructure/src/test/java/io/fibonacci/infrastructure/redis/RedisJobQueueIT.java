package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.infrastructure.contract.JobQueueContract;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobQueueIT extends JobQueueContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Override
  protected JobQueue queue(int capacity) {
    return new RedisJobQueue(
        REDIS.newLink(), REDIS.keyPrefix() + UUID.randomUUID() + ":", capacity, "worker-1");
  }

  @Test
  void sharesOneQueueBetweenTwoInstancesAndHandsEachJobToOneOfThem() throws Exception {
    String prefix = REDIS.keyPrefix() + UUID.randomUUID() + ":";
    JobQueue first = new RedisJobQueue(REDIS.newLink(), prefix, 10, "instance-a");
    JobQueue second = new RedisJobQueue(REDIS.newLink(), prefix, 10, "instance-b");
    JobId job = JobId.random(new SplittableRandom(9));

    first.offer(job).join();
    var taken = second.take(Duration.ofSeconds(2));
    var notAgain = first.take(Duration.ofMillis(300));

    assertThat(taken).hasValueSatisfying(delivery -> assertThat(delivery.job()).isEqualTo(job));
    assertThat(notAgain).isEmpty();
    assertThat(first.backlog().waiting()).isZero();
    second.acknowledge(taken.orElseThrow());
    assertThat(first.offer(JobId.random(new SplittableRandom(10))).join()).isTrue();
  }

  @Test
  void countsWhatWaitsButNotWhatAWorkerHolds() throws Exception {
    JobQueue queue = queue(10);
    queue.offer(JobId.random(new SplittableRandom(11))).join();
    queue.offer(JobId.random(new SplittableRandom(12))).join();

    var held = queue.take(Duration.ofSeconds(1)).orElseThrow();

    assertThat(queue.backlog().waiting()).isEqualTo(1);
    queue.acknowledge(held);
  }
}
