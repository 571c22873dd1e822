package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.service.jobs.RunJobsService;
import io.fibonacci.application.service.jobs.WorkerSettings;
import io.fibonacci.domain.calculator.DoublingFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.domain.port.ScriptedCalculator;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker use case on the Redis adapters, as two instances would run it: failures retried and
 * then dead-lettered, a value wanted by two jobs computed once, a cancellation stopping a running
 * computation, and no key left without a time to live.
 */
class RedisJobWorkersIT {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final Duration TTL = Duration.ofMinutes(10);

  private final String prefix = REDIS.keyPrefix() + UUID.randomUUID() + ":";
  private final SplittableRandom random = new SplittableRandom(21);
  private final Clock clock = Clock.systemUTC();
  private final RedisJobStore store = new RedisJobStore(REDIS.newLink(), prefix, TTL);
  private final RedisJobResultStore results = new RedisJobResultStore(REDIS.newLink(), prefix, TTL);

  private RedisJobQueue queue(String consumer) {
    return new RedisJobQueue(REDIS.newLink(), prefix, 10, consumer, LEASE);
  }

  private RunJobsService worker(JobQueue queue, FibonacciCalculator calculator) {
    return new RunJobsService(
        queue,
        store,
        results,
        new RedisComputationClaims(REDIS.newLink(), prefix),
        calculator,
        new WorkerSettings(3, LEASE),
        clock);
  }

  private Job submitted(int n, RedisJobQueue queue) {
    Job job =
        Job.submitted(
            JobId.random(random), Position.of(n), ClientKey.of("203.0.113.5"), clock.instant());
    store.save(job).join();
    assertThat(queue.offer(job.id(), null).join()).isTrue();
    return job;
  }

  @Test
  void retriesAFailingJobOnAnyInstanceThenFailsItAndDeadLettersIt() throws Exception {
    RedisJobQueue here = queue("instance-a");
    RedisJobQueue there = queue("instance-b");
    AtomicInteger attempts = new AtomicInteger();
    FibonacciCalculator failing =
        failing(() -> new IllegalStateException("attempt " + attempts.incrementAndGet()));
    Job job = submitted(30_000, here);

    worker(here, failing).runNext(Duration.ofSeconds(2));
    worker(there, failing).runNext(Duration.ofSeconds(2));
    worker(here, failing).runNext(Duration.ofSeconds(2));

    Job after = store.find(job.id()).join().orElseThrow();
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(after.status()).isEqualTo(JobStatus.FAILED);
    assertThat(after.error()).contains("attempt 3");
    assertThat(here.deadLetters())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.job()).isEqualTo(job.id());
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.reason()).contains("attempt 3");
            });
    assertThat(REDIS.inspect().xlen(prefix + "{queue}")).isZero();
  }

  @Test
  void givesUpAJobWhoseWorkersDieWithItEveryTime() throws Exception {
    RedisJobQueue queue = queue("survivor");
    Job job = submitted(30_000, queue);
    for (int death = 1; death <= 3; death++) {
      queue("dying-" + death).take(Duration.ofSeconds(3)).orElseThrow();
    }

    worker(queue, new DoublingFibonacciCalculator()).runNext(Duration.ofSeconds(3));

    Job after = store.find(job.id()).join().orElseThrow();
    assertThat(after.status()).isEqualTo(JobStatus.FAILED);
    assertThat(after.error()).contains("3 times");
    assertThat(queue.deadLetters())
        .extracting(RedisJobQueue.DeadLetter::attempts)
        .containsExactly(4);
  }

  @Test
  void computesAValueWantedByJobsOnTwoInstancesOnce() throws Exception {
    RedisJobQueue here = queue("instance-a");
    RedisJobQueue there = queue("instance-b");
    List<Integer> computed = new CopyOnWriteArrayList<>();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    FibonacciCalculator slow =
        ScriptedCalculator.of(
            (position, monitor) -> {
              computed.add(position.value());
              computing.countDown();
              awaitLatch(mayFinish);
              return new DoublingFibonacciCalculator().compute(position, monitor);
            });
    Job first = submitted(40_000, here);
    Job second = submitted(40_000, here);

    Thread a = runner(worker(here, slow));
    a.start();
    assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
    Thread b = runner(worker(there, slow));
    b.start();
    Thread.sleep(600);
    mayFinish.countDown();
    a.join(10_000);
    b.join(10_000);

    assertThat(computed).containsExactly(40_000);
    for (Job job : List.of(first, second)) {
      Job after = store.find(job.id()).join().orElseThrow();
      assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(after.digits()).isEqualTo(FibonacciNumbers.of(40_000).digitCount());
    }
    assertThat(results.find(Position.of(40_000)).join()).contains(FibonacciNumbers.of(40_000));
  }

  @Test
  void stopsARunningComputationWhenItsJobIsCancelled() throws Exception {
    RedisJobQueue queue = queue("instance-a");
    Job job = submitted(20_000_000, queue);
    Thread runner = runner(worker(queue, new DoublingFibonacciCalculator()));

    runner.start();
    awaitRunning(job.id());
    long cancelledAt = System.nanoTime();
    store.update(job.id(), current -> current.cancel(clock.instant())).join();
    runner.join(30_000);
    long stoppedAfterMillis = (System.nanoTime() - cancelledAt) / 1_000_000;

    assertThat(runner.isAlive()).isFalse();
    assertThat(store.find(job.id()).join().orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(results.find(Position.of(20_000_000)).join()).isEmpty();
    assertThat(REDIS.inspect().xlen(prefix + "{queue}")).isZero();
    // Reported, not asserted as a bound: the machine may be shared.
    System.out.println("cancelled computation stopped after " + stoppedAfterMillis + " ms");
  }

  @Test
  void leavesNoKeyWithoutATimeToLiveButTheStreams() throws Exception {
    RedisJobQueue queue = queue("instance-a");
    submitted(25_000, queue);
    worker(queue, new DoublingFibonacciCalculator()).runNext(Duration.ofSeconds(2));
    submitted(26_000, queue);
    store.claimKey(ClientKey.of("203.0.113.5"), "key-1", "n=1", JobId.random(random)).join();

    List<String> keys = REDIS.keys(prefix + "*");

    assertThat(keys).isNotEmpty();
    for (String key : keys) {
      if (key.endsWith("{queue}") || key.endsWith("{queue}:dead")) {
        assertThat(REDIS.inspect().type(key)).as(key).isEqualTo("stream");
      } else {
        assertThat(REDIS.inspect().pttl(key)).as("time to live of " + key).isPositive();
      }
    }
  }

  private void awaitRunning(JobId id) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      Job job = store.find(id).join().orElseThrow();
      if (job.status() == JobStatus.RUNNING && job.progress() > 0) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private static Thread runner(RunJobsService worker) {
    return new Thread(
        () -> {
          try {
            worker.runNext(Duration.ofSeconds(5));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static FibonacciCalculator failing(java.util.function.Supplier<RuntimeException> why) {
    return ScriptedCalculator.of(
        (position, monitor) -> {
          throw why.get();
        });
  }
}
