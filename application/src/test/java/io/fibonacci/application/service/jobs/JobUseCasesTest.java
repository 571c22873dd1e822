package io.fibonacci.application.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.in.jobs.CancelJobUseCase.CancelOutcome;
import io.fibonacci.application.port.in.jobs.IdempotencyKeyReusedException;
import io.fibonacci.application.port.in.jobs.JobNotFinishedException;
import io.fibonacci.application.port.in.jobs.JobNotFoundException;
import io.fibonacci.application.port.in.jobs.JobSubmission;
import io.fibonacci.application.port.in.jobs.JobView;
import io.fibonacci.application.port.in.jobs.SubmitJobCommand;
import io.fibonacci.application.port.in.jobs.TooManyJobsException;
import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.port.out.TraceOrigin;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.service.ContentEncodingPolicy;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.calculator.DoublingFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.domain.port.ScriptedCalculator;
import io.fibonacci.shared.ContentCoding;
import io.fibonacci.shared.Fact;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The job use cases end to end over plain fakes of their out-ports: submit, run, read, cancel. */
class JobUseCasesTest {

  private static final String ALICE = "192.0.2.1";
  private static final String BOB = "198.51.100.7";
  private static final int SYNC_MAX = 1_000;
  private static final Duration NO_WAIT = Duration.ZERO;

  private final TickingClock clock = new TickingClock();
  private final SplittableRandom random = new SplittableRandom(42);
  private final JobFakes.Store store = new JobFakes.Store();
  private final JobFakes.Queue queue = new JobFakes.Queue(2);
  private final JobFakes.Results results = new JobFakes.Results();
  private final JobFakes.Claims claims = new JobFakes.Claims();
  private TraceOrigin origin = TraceOrigin.NONE;
  private final CountingLimiter limiter = new CountingLimiter(50);
  private final Map<Position, FibonacciNumber> cached = new ConcurrentHashMap<>();
  private final List<Integer> computed = new ArrayList<>();
  private FibonacciCalculator calculator = counting(new DoublingFibonacciCalculator());

  private final JobSettings settings =
      new JobSettings(PositionLimit.of(1_000_000), SYNC_MAX, 2, Duration.ofSeconds(5), NO_WAIT);

  private SubmitJobService submit() {
    FibonacciCache cache =
        (position, loader) -> {
          FibonacciNumber hit = cached.get(position);
          return hit != null
              ? CompletableFuture.completedFuture(hit)
              : loader.apply(position).thenApply(value -> remember(position, value));
        };
    return new SubmitJobService(
        settings,
        new RequestCostPolicy(1_000),
        limiter,
        store,
        queue,
        new KnownValues(
            cache,
            results,
            new ScheduledCalculator(
                inline(), ScriptedCalculator.of((p, m) -> calculator.compute(p, m)))),
        clock,
        random,
        origin);
  }

  private RunJobsService worker() {
    return new RunJobsService(
        queue,
        store,
        results,
        claims,
        ScriptedCalculator.of((position, monitor) -> calculator.compute(position, monitor)),
        new WorkerSettings(3, Duration.ofSeconds(3)),
        clock);
  }

  @Test
  void queuesAJobBeyondTheSynchronousMaximumAndChargesItsCost() {
    JobSubmission submission = submitted(ALICE, "5000");

    assertThat(submission.created()).isTrue();
    assertThat(submission.job().status()).isEqualTo("queued");
    assertThat(submission.job().progress()).isZero();
    assertThat(submission.cost()).isEqualTo(6);
    assertThat(limiter.charges).containsExactly(6L);
    assertThat(queue.waiting).hasSize(1);
    assertThat(computed).isEmpty();
  }

  @Test
  void neverChargesMoreThanAFullBucket() {
    JobSubmission submission = submitted(ALICE, "999999");

    assertThat(submission.cost()).isEqualTo(50);
  }

  @Test
  void runsTheJobToAnExactResultWithProgressThatNeverGoesBack() throws Exception {
    JobView job = submitted(ALICE, "300000").job();

    boolean ran = worker().runNext(NO_WAIT);
    JobView done = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));

    assertThat(ran).isTrue();
    assertThat(done.status()).isEqualTo("succeeded");
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.startedAt()).isNotNull();
    assertThat(done.digits()).isEqualTo(FibonacciNumbers.of(300_000).digitCount());
    assertThat(store.savedProgress).isSorted();
    assertThat(store.savedProgress.stream().filter(p -> p > 0 && p < 1)).isNotEmpty();
    assertThat(queue.acknowledged).hasSize(1);
    var result =
        await(
            new GetJobResultService(store, results, identityOnly())
                .result(ALICE, job.id(), ContentCoding.IDENTITY));
    assertThat(StandardCharsets.US_ASCII.decode(result.digits()).toString())
        .isEqualTo(FibonacciNumbers.of(300_000).decimal());
    assertThat(result.cost()).isZero();
  }

  @Test
  void answersAValueTheSynchronousApiHasWithAJobBornSucceeded() {
    JobSubmission submission = submitted(ALICE, "900");

    assertThat(submission.job().status()).isEqualTo("succeeded");
    assertThat(submission.job().digits()).isEqualTo(FibonacciNumbers.of(900).digitCount());
    assertThat(queue.waiting).isEmpty();
    assertThat(results.values).containsKey(Position.of(900));
  }

  @Test
  void reusesAValueAnotherJobComputed() throws Exception {
    submitted(ALICE, "4000");
    worker().runNext(NO_WAIT);

    JobSubmission second = submitted(BOB, "4000");

    assertThat(second.job().status()).isEqualTo("succeeded");
    assertThat(computed).containsExactly(4000);
  }

  @Test
  void stopsARunningComputationOnceTheJobIsCancelled() throws Exception {
    JobView job = submitted(ALICE, "500000").job();
    FibonacciCalculator real = new DoublingFibonacciCalculator();
    calculator =
        ScriptedCalculator.of(
            (position, monitor) -> {
              await(new CancelJobService(store, clock).cancelOrRemove(ALICE, job.id()));
              return real.compute(position, monitor);
            });

    worker().runNext(NO_WAIT);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    assertThat(after.status()).isEqualTo("cancelled");
    assertThat(results.values).doesNotContainKey(Position.of(500_000));
    assertThat(queue.acknowledged).hasSize(1);
  }

  @Test
  void cancelsAQueuedJobWhichTheWorkerThenSkips() throws Exception {
    JobView job = submitted(ALICE, "5000").job();

    CancelOutcome outcome =
        await(new CancelJobService(store, clock).cancelOrRemove(ALICE, job.id()));
    worker().runNext(NO_WAIT);

    assertThat(outcome.removed()).isFalse();
    assertThat(outcome.job().status()).isEqualTo("cancelled");
    assertThat(computed).isEmpty();
    assertThatThrownBy(
            () ->
                await(
                    new GetJobResultService(store, results, identityOnly())
                        .result(ALICE, job.id(), ContentCoding.IDENTITY)))
        .isInstanceOfSatisfying(
            JobNotFinishedException.class,
            e -> {
              assertThat(e.text(Fact.JOB_STATUS)).isEqualTo("cancelled");
              assertThat(e.retryAfterSeconds()).isEmpty();
            });
  }

  @Test
  void removesAFinishedJob() {
    JobView job = submitted(ALICE, "900").job();

    CancelOutcome outcome =
        await(new CancelJobService(store, clock).cancelOrRemove(ALICE, job.id()));

    assertThat(outcome.removed()).isTrue();
    assertThatThrownBy(() -> await(new GetJobService(store, clock, settings).get(ALICE, job.id())))
        .isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void tellsAnEarlyReaderOfTheResultWhenToComeBack() {
    JobView job = submitted(ALICE, "5000").job();

    assertThatThrownBy(
            () ->
                await(
                    new GetJobResultService(store, results, identityOnly())
                        .result(ALICE, job.id(), ContentCoding.IDENTITY)))
        .isInstanceOfSatisfying(
            JobNotFinishedException.class, e -> assertThat(e.retryAfterSeconds()).hasValue(1));
  }

  @Test
  void retriesAFailedComputationThenFailsTheJobAndDeadLettersIt() throws Exception {
    JobView job = submitted(ALICE, "5000").job();
    List<Integer> attempts = new ArrayList<>();
    calculator =
        ScriptedCalculator.of(
            (position, monitor) -> {
              attempts.add(attempts.size() + 1);
              throw new IllegalStateException("no memory left");
            });

    worker().runNext(NO_WAIT);
    JobView afterFirst = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    worker().runNext(NO_WAIT);
    worker().runNext(NO_WAIT);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    assertThat(afterFirst.status()).isEqualTo("running");
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(after.status()).isEqualTo("failed");
    assertThat(after.error()).contains("no memory left");
    assertThat(queue.deadLetters).singleElement().asString().contains("no memory left");
    assertThat(queue.acknowledged).isEmpty();
    assertThat(queue.waiting).isEmpty();
  }

  @Test
  void waitsForAStoreThatCannotBeReachedInsteadOfSpendingTheJobsAttempts() throws Exception {
    JobView job = submitted(ALICE, "5000").job();
    results.unreachableSaves.set(2);

    worker().runNext(NO_WAIT);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    assertThat(after.status()).isEqualTo("succeeded");
    assertThat(results.unreachableSaves).hasValue(0);
    assertThat(queue.acknowledged).extracting(JobQueue.Delivery::attempt).containsExactly(1);
    assertThat(queue.deadLetters).isEmpty();
    assertThat(queue.waiting).isEmpty();
  }

  @Test
  void leavesAJobAnotherWorkerTookOverWhileItsStoreCouldNotBeReached() throws Exception {
    JobView job = submitted(ALICE, "5000").job();
    results.unreachableSaves.set(1);
    queue.takenOver = true;

    worker().runNext(NO_WAIT);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    assertThat(after.status()).isEqualTo("running");
    assertThat(queue.acknowledged).isEmpty();
    assertThat(queue.deadLetters).isEmpty();
  }

  @Test
  void givesUpAJobWhoseWorkersKeepDyingWithoutComputingItAgain() throws Exception {
    JobView job = submitted(ALICE, "5000").job();
    var first = queue.take(NO_WAIT).orElseThrow();
    queue.redeliver(first.again().again());

    worker().runNext(NO_WAIT);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    assertThat(after.status()).isEqualTo("failed");
    assertThat(after.error()).contains("3 times");
    assertThat(computed).isEmpty();
    assertThat(queue.deadLetters).hasSize(1);
  }

  @Test
  void finishesARedeliveredJobThatWasRunning() throws Exception {
    JobView job = submitted(ALICE, "5000").job();
    var first = queue.take(NO_WAIT).orElseThrow();
    store.update(first.job(), running -> running.start(clock.instant())).join();
    queue.redeliver(first);

    worker().runNext(NO_WAIT);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, job.id()));
    assertThat(after.status()).isEqualTo("succeeded");
    assertThat(computed).containsExactly(5000);
    assertThat(queue.acknowledged).extracting(JobQueue.Delivery::attempt).containsExactly(2);
  }

  @Test
  void followsTheJobThatClaimedTheValueInsteadOfComputingItTwice() throws Exception {
    JobView mine = submitted(ALICE, "6000").job();
    JobId other = JobId.random(random);
    claims.claim(Position.of(6000), other, Duration.ofSeconds(3)).join();
    Thread follower = workerThread();

    follower.start();
    JobView whileFollowing = awaitStatus(mine.id(), "running", Duration.ofSeconds(10));
    results.save(new DoublingFibonacciCalculator().compute(Position.of(6000))).join();
    follower.join(10_000);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, mine.id()));
    assertThat(whileFollowing.status()).isEqualTo("running");
    assertThat(after.status()).isEqualTo("succeeded");
    assertThat(after.digits()).isEqualTo(1254);
    assertThat(computed).isEmpty();
  }

  @Test
  void computesAValueItselfOnceTheClaimOfAnotherJobLapses() throws Exception {
    JobView mine = submitted(ALICE, "6000").job();
    claims.claim(Position.of(6000), JobId.random(random), Duration.ofSeconds(3)).join();
    Thread follower = workerThread();

    follower.start();
    awaitStatus(mine.id(), "running", Duration.ofSeconds(10));
    claims.expire(Position.of(6000));
    follower.join(10_000);

    JobView after = await(new GetJobService(store, clock, settings).get(ALICE, mine.id()));
    assertThat(after.status()).isEqualTo("succeeded");
    assertThat(computed).containsExactly(6000);
    assertThat(claims.holders).isEmpty();
  }

  @Test
  void withdrawsAJobTheQueueCouldNotTake() {
    queue.unreachable = true;

    assertThatThrownBy(() -> submitted(ALICE, "5000")).hasMessageContaining("queue unreachable");
    assertThat(await(store.activeJobsOf(ClientKey.of(ALICE)))).isZero();
  }

  @Test
  void handsTheSubmissionsTraceOriginToTheJobsDelivery() throws Exception {
    String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    origin = () -> traceParent;

    submitted(ALICE, "5000");

    assertThat(queue.take(NO_WAIT))
        .hasValueSatisfying(d -> assertThat(d.origin()).isEqualTo(traceParent));
  }

  @Test
  void renewsItsDeliveryWhileItComputes() throws Exception {
    submitted(ALICE, "500000");

    worker().runNext(NO_WAIT);

    // The ticking clock makes every check due: each renewal is a third of the 3 s lease apart.
    assertThat(queue.renewed).isNotEmpty();
  }

  @Test
  void hidesAJobFromEveryoneButItsOwner() {
    JobView job = submitted(ALICE, "5000").job();
    var jobs = new GetJobService(store, clock, settings);

    assertThatThrownBy(() -> await(jobs.get(BOB, job.id())))
        .isInstanceOf(JobNotFoundException.class);
    assertThatThrownBy(() -> await(jobs.get(ALICE, "../../etc/passwd")))
        .isInstanceOf(JobNotFoundException.class);
    assertThatThrownBy(() -> await(jobs.get(ALICE, JobId.random(new SplittableRandom(1)).value())))
        .isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void capsTheActiveJobsOfAClient() {
    submitted(ALICE, "5000");
    submitted(ALICE, "6000");

    assertThatThrownBy(() -> submitted(ALICE, "7000")).isInstanceOf(TooManyJobsException.class);
    assertThat(limiter.charges).hasSize(2);
  }

  @Test
  void refusesAJobWhenTheQueueIsFullAndKeepsNothingOfIt() {
    submitted(ALICE, "5000");
    submitted(BOB, "6000");

    assertThatThrownBy(() -> submitted("203.0.113.5", "7000"))
        .isInstanceOfSatisfying(
            ServerOverloadedException.class, e -> assertThat(e.retryAfterSeconds()).hasValue(5));
    assertThat(store.jobs).hasSize(2);
  }

  @Test
  void answersARepeatedIdempotencyKeyWithItsJobAndARepurposedOneWithAConflict() {
    JobSubmission first =
        await(submit().submit(new SubmitJobCommand(ALICE, "5000", "k-1", "n=5000")));

    JobSubmission again =
        await(submit().submit(new SubmitJobCommand(ALICE, "5000", "k-1", "n=5000")));

    assertThat(again.created()).isFalse();
    assertThat(again.job().id()).isEqualTo(first.job().id());
    assertThat(limiter.charges).hasSize(1);
    assertThatThrownBy(
            () -> await(submit().submit(new SubmitJobCommand(ALICE, "6000", "k-1", "n=6000"))))
        .isInstanceOf(IdempotencyKeyReusedException.class);
  }

  @Test
  void refusesAPositionBeyondTheJobsMaximumBeforeChargingAnything() {
    assertThatThrownBy(() -> submitted(ALICE, "1000001")).hasMessageContaining("INVALID_POSITION");
    assertThat(limiter.charges).isEmpty();
  }

  @Test
  void refusesASubmissionTheRateLimitDoesNotAllow() {
    limiter.allow = false;

    assertThatThrownBy(() -> submitted(ALICE, "5000"))
        .isInstanceOf(RateLimitExceededException.class);
    assertThat(store.jobs).isEmpty();
  }

  @Test
  void returnsAtOnceWhenTheWaitIsOverOrTheJobFinished() {
    JobView queued = submitted(ALICE, "5000").job();
    JobView known = submitted(ALICE, "10").job();
    var jobs = new GetJobService(store, clock, settings);

    assertThat(await(jobs.await(ALICE, queued.id(), Duration.ZERO)).status()).isEqualTo("queued");
    assertThat(await(jobs.await(ALICE, known.id(), Duration.ofSeconds(30))).status())
        .isEqualTo("succeeded");
  }

  @Test
  void reportsNoJobWhenNoneIsQueued() throws Exception {
    assertThat(worker().runNext(Duration.ofMillis(1))).isFalse();
  }

  /** A worker running one job on a thread of its own, so that the test can act meanwhile. */
  private Thread workerThread() {
    return new Thread(
        () -> {
          try {
            worker().runNext(NO_WAIT);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private JobView awaitStatus(String id, String status, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    JobView job = await(new GetJobService(store, clock, settings).get(ALICE, id));
    while (!job.status().equals(status) && System.nanoTime() < end) {
      Thread.onSpinWait();
      job = await(new GetJobService(store, clock, settings).get(ALICE, id));
    }
    return job;
  }

  private JobSubmission submitted(String client, String n) {
    return await(submit().submit(new SubmitJobCommand(client, n, null, "n=" + n)));
  }

  private FibonacciNumber remember(Position position, FibonacciNumber value) {
    cached.put(position, value);
    return value;
  }

  private FibonacciCalculator counting(FibonacciCalculator delegate) {
    return ScriptedCalculator.of(
        (position, monitor) -> {
          computed.add(position.value());
          return delegate.compute(position, monitor);
        });
  }

  private static ContentEncodingPolicy identityOnly() {
    return new ContentEncodingPolicy(
        (position, coding, encoder) -> encoder.get(),
        (number, coding) -> CompletableFuture.failedFuture(new IllegalStateException("unused")),
        1);
  }

  private static ComputationScheduler inline() {
    return new ComputationScheduler() {
      @Override
      public <T> Optional<CompletableFuture<T>> schedule(Position position, Supplier<T> work) {
        return Optional.of(CompletableFuture.completedFuture(work.get()));
      }

      @Override
      public <T> Optional<CompletableFuture<T>> scheduleHeavy(Supplier<T> work) {
        return Optional.of(CompletableFuture.completedFuture(work.get()));
      }

      @Override
      public long retryAfterSecondsWhenShed() {
        return 1;
      }
    };
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Grants or refuses every request, and records what it charged. */
  private static final class CountingLimiter implements RateLimiter {
    final List<Long> charges = new ArrayList<>();
    final long capacity;
    boolean allow = true;

    CountingLimiter(long capacity) {
      this.capacity = capacity;
    }

    @Override
    public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
      List<QuotaUsage> quotas = List.of(new QuotaUsage("bucket", capacity, 10, capacity - 1, 1));
      if (!allow) {
        return CompletableFuture.completedFuture(RateLimitDecision.refuse(quotas, 3));
      }
      charges.add(cost);
      return CompletableFuture.completedFuture(RateLimitDecision.allow(quotas));
    }

    @Override
    public long maxCost() {
      return capacity;
    }
  }

  /** A second passes at every reading, so the worker's checks all fall due. */
  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
