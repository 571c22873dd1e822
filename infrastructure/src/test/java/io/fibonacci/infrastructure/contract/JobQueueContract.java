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

    queue.offer(first).join();
    queue.offer(second).join();
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

    boolean a = queue.offer(JobId.random(random)).join();
    boolean b = queue.offer(JobId.random(random)).join();
    boolean c = queue.offer(JobId.random(random)).join();

    assertThat(a).isTrue();
    assertThat(b).isTrue();
    assertThat(c).isFalse();
  }

  @Test
  void comesBackEmptyWhenNoJobCameWithinTheWait() throws Exception {
    assertThat(queue(2).take(Duration.ofMillis(20))).isEmpty();
  }
}
