package io.fibonacci.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobQueue.Delivery;
import io.fibonacci.domain.model.job.JobId;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What every {@link JobQueue} does; each adapter's test extends this. */
public abstract class JobQueueContract {

  private final SplittableRandom random = new SplittableRandom();

  /** A fresh, empty queue holding at most {@code capacity} jobs. */
  protected abstract JobQueue queue(int capacity);

  @Test
  void deliversJobsInTheOrderTheyCame() throws Exception {
    JobQueue queue = queue(10);
    JobId first = JobId.random(random);
    JobId second = JobId.random(random);

    queue.offer(first, null).join();
    queue.offer(second, null).join();
    Delivery one = queue.take(Duration.ofSeconds(1)).orElseThrow();
    queue.acknowledge(one);
    Delivery two = queue.take(Duration.ofSeconds(1)).orElseThrow();
    queue.acknowledge(two);

    assertThat(one.job()).isEqualTo(first);
    assertThat(one.attempt()).isOne();
    assertThat(two.job()).isEqualTo(second);
  }

  @Test
  void refusesAJobBeyondItsCapacity() {
    JobQueue queue = queue(2);

    boolean a = queue.offer(JobId.random(random), null).join();
    boolean b = queue.offer(JobId.random(random), null).join();
    boolean c = queue.offer(JobId.random(random), null).join();

    assertThat(a).isTrue();
    assertThat(b).isTrue();
    assertThat(c).isFalse();
  }

  @Test
  void comesBackEmptyWhenNoJobCameWithinTheWait() throws Exception {
    assertThat(queue(2).take(Duration.ofMillis(20))).isEmpty();
  }

  @Test
  void handsARetriedJobOutAgainAsItsNextAttempt() throws Exception {
    JobQueue queue = queue(10);
    JobId job = JobId.random(random);
    queue.offer(job, null).join();

    Delivery first = queue.take(Duration.ofSeconds(1)).orElseThrow();
    queue.retry(first);
    Delivery second = queue.take(Duration.ofSeconds(1)).orElseThrow();

    assertThat(second.job()).isEqualTo(job);
    assertThat(second.attempt()).isEqualTo(2);
    queue.acknowledge(second);
    assertThat(queue.take(Duration.ofMillis(20))).isEmpty();
  }

  @Test
  void forgetsADeadLetteredJob() throws Exception {
    JobQueue queue = queue(1);
    queue.offer(JobId.random(random), null).join();

    Delivery given = queue.take(Duration.ofSeconds(1)).orElseThrow();
    queue.deadLetter(given, "failed 1 time");

    assertThat(queue.take(Duration.ofMillis(20))).isEmpty();
    assertThat(queue.offer(JobId.random(random), null).join()).isTrue();
  }

  @Test
  void keepsAJobItsWorkerRenews() throws Exception {
    JobQueue queue = queue(2);
    queue.offer(JobId.random(random), null).join();

    Delivery held = queue.take(Duration.ofSeconds(1)).orElseThrow();

    assertThat(queue.renew(held)).isTrue();
    assertThat(queue.take(Duration.ofMillis(20))).isEmpty();
    queue.acknowledge(held);
  }

  @Test
  void countsWhatWaits() throws Exception {
    JobQueue queue = queue(10);
    assertThat(queue.backlog().join().waiting()).isZero();
    assertThat(queue.backlog().join().oldestSince()).isNull();

    queue.offer(JobId.random(random), null).join();
    queue.offer(JobId.random(random), null).join();
    Delivery held = queue.take(Duration.ofSeconds(1)).orElseThrow();

    assertThat(queue.backlog().join().waiting()).isEqualTo(1);
    assertThat(queue.backlog().join().oldestSince()).isNotNull();
    queue.acknowledge(held);
  }
}
