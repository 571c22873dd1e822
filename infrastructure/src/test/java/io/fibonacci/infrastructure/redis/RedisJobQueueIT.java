package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobQueue.Delivery;
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

  private static final Duration LEASE = Duration.ofSeconds(1);

  private final SplittableRandom random = new SplittableRandom(9);

  @Override
  protected JobQueue queue(int capacity) {
    return new RedisJobQueue(REDIS.newLink(), freshPrefix(), capacity, "worker-1", LEASE);
  }

  @Test
  void sharesOneQueueBetweenTwoInstancesAndHandsEachJobToOneOfThem() throws Exception {
    String prefix = freshPrefix();
    JobQueue first = new RedisJobQueue(REDIS.newLink(), prefix, 10, "instance-a", LEASE);
    JobQueue second = new RedisJobQueue(REDIS.newLink(), prefix, 10, "instance-b", LEASE);
    JobId job = JobId.random(random);

    first.offer(job, null).join();
    var taken = second.take(Duration.ofSeconds(2));
    var notAgain = first.take(Duration.ofMillis(300));

    assertThat(taken).hasValueSatisfying(delivery -> assertThat(delivery.job()).isEqualTo(job));
    assertThat(notAgain).isEmpty();
    assertThat(first.backlog().join().waiting()).isZero();
    second.acknowledge(taken.orElseThrow());
    assertThat(first.offer(JobId.random(random), null).join()).isTrue();
  }

  @Test
  void reclaimsTheJobOfAWorkerThatFellSilentAsItsSecondAttempt() throws Exception {
    String prefix = freshPrefix();
    JobQueue dead = new RedisJobQueue(REDIS.newLink(), prefix, 10, "dead-worker", LEASE);
    JobQueue live = new RedisJobQueue(REDIS.newLink(), prefix, 10, "live-worker", LEASE);
    JobId job = JobId.random(random);
    dead.offer(job, null).join();
    Delivery lost = dead.take(Duration.ofSeconds(1)).orElseThrow();

    var beforeTheLease = live.take(Duration.ofMillis(300));
    var afterTheLease = live.take(Duration.ofSeconds(3));

    assertThat(beforeTheLease).isEmpty();
    assertThat(afterTheLease)
        .hasValueSatisfying(
            delivery -> {
              assertThat(delivery.job()).isEqualTo(job);
              assertThat(delivery.attempt()).isEqualTo(2);
              assertThat(delivery.receipt()).isEqualTo(lost.receipt());
            });
    assertThat(dead.renew(lost)).as("a worker whose lease ran out holds nothing").isFalse();
    live.acknowledge(afterTheLease.orElseThrow());
    assertThat(REDIS.inspect().xlen(prefix + "{queue}")).isZero();
  }

  @Test
  void findsAnAbandonedJobBehindMoreThanTenThatAreStillHeld() throws Exception {
    String prefix = freshPrefix();
    JobQueue busy = new RedisJobQueue(REDIS.newLink(), prefix, 20, "busy-worker", LEASE);
    JobQueue idle = new RedisJobQueue(REDIS.newLink(), prefix, 20, "idle-worker", LEASE);
    java.util.List<Delivery> held = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      busy.offer(JobId.random(random), null).join();
      held.add(busy.take(Duration.ofSeconds(1)).orElseThrow());
    }
    Delivery abandoned = held.remove(held.size() - 1);

    for (int i = 0; i < 5; i++) {
      Thread.sleep(LEASE.toMillis() / 3);
      held.forEach(busy::renew);
    }
    var reclaimed = idle.take(Duration.ofSeconds(2));

    assertThat(reclaimed)
        .hasValueSatisfying(
            delivery -> {
              assertThat(delivery.job()).isEqualTo(abandoned.job());
              assertThat(delivery.attempt()).isEqualTo(2);
            });
  }

  @Test
  void keepsAJobWhoseWorkerRenewsItsLeaseFromBeingReclaimed() throws Exception {
    String prefix = freshPrefix();
    JobQueue busy = new RedisJobQueue(REDIS.newLink(), prefix, 10, "busy-worker", LEASE);
    JobQueue idle = new RedisJobQueue(REDIS.newLink(), prefix, 10, "idle-worker", LEASE);
    busy.offer(JobId.random(random), null).join();
    Delivery held = busy.take(Duration.ofSeconds(1)).orElseThrow();

    boolean renewedEveryTime = true;
    for (int i = 0; i < 6; i++) {
      Thread.sleep(LEASE.toMillis() / 3);
      renewedEveryTime &= busy.renew(held);
      assertThat(idle.take(Duration.ZERO)).isEmpty();
    }

    assertThat(renewedEveryTime).isTrue();
    busy.acknowledge(held);
  }

  @Test
  void recordsADeadLetterWithItsAttemptsAndReason() throws Exception {
    String prefix = freshPrefix();
    RedisJobQueue queue = new RedisJobQueue(REDIS.newLink(), prefix, 10, "worker-1", LEASE);
    JobId job = JobId.random(random);
    queue.offer(job, null).join();
    Delivery given = queue.take(Duration.ofSeconds(1)).orElseThrow();

    queue.deadLetter(given.again().again(), "OutOfMemoryError: heap");

    assertThat(queue.deadLetters())
        .containsExactly(new RedisJobQueue.DeadLetter(job, 3, "OutOfMemoryError: heap"));
    assertThat(REDIS.inspect().xlen(prefix + "{queue}")).isZero();
    assertThat(REDIS.inspect().xpending(prefix + "{queue}", RedisJobQueue.GROUP).getCount())
        .isZero();
  }

  @Test
  void forgetsConsumersThatStoppedWithNothingPendingButKeepsOnesThatHoldAJob() throws Exception {
    String prefix = freshPrefix();
    Duration lease = Duration.ofMillis(200);
    JobQueue holding = new RedisJobQueue(REDIS.newLink(), prefix, 10, "holding", lease);
    JobQueue gone = new RedisJobQueue(REDIS.newLink(), prefix, 10, "gone", lease);
    holding.offer(JobId.random(random), null).join();
    holding.take(Duration.ofSeconds(1)).orElseThrow();
    gone.take(Duration.ZERO);
    // Idle for ten leases, then a third worker looks for work.
    Thread.sleep(lease.toMillis() * 10 + 500);
    JobQueue newcomer = new RedisJobQueue(REDIS.newLink(), prefix, 10, "newcomer", lease);

    newcomer.take(Duration.ZERO);

    var consumers =
        REDIS.inspect().xinfoConsumers(prefix + "{queue}", RedisJobQueue.GROUP).stream()
            .map(Object::toString)
            .toList();
    assertThat(consumers).anySatisfy(c -> assertThat(c).contains("holding"));
    assertThat(consumers).noneSatisfy(c -> assertThat(c).contains("gone"));
  }

  @Test
  void reportsWhenTheOldestWaitingJobCame() throws Exception {
    JobQueue queue = queue(10);
    long before = System.currentTimeMillis();
    queue.offer(JobId.random(random), null).join();

    var backlog = queue.backlog().join();

    assertThat(backlog.waiting()).isEqualTo(1);
    assertThat(backlog.oldestSince().toEpochMilli()).isBetween(before - 1_000, before + 1_000);
  }

  private static String freshPrefix() {
    return REDIS.keyPrefix() + UUID.randomUUID() + ":";
  }
}
