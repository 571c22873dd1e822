package io.fibonacci.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final ClientKey ALICE = ClientKey.of("192.0.2.1");
  private static final JobId ID = JobId.random(new SplittableRandom(7));

  /** Every transition, and the states it may start from. */
  private static final Map<String, Set<JobStatus>> ALLOWED =
      Map.of(
          "start", EnumSet.of(JobStatus.QUEUED),
          "progressed", EnumSet.of(JobStatus.RUNNING),
          "succeed", EnumSet.of(JobStatus.RUNNING),
          "fail", EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING),
          "cancel", EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING));

  private static final Map<String, UnaryOperator<Job>> TRANSITIONS =
      Map.of(
          "start", job -> job.start(T0.plusSeconds(1)),
          "progressed", job -> job.progressed(0.5),
          "succeed", job -> job.succeed(T0.plusSeconds(2), 42),
          "fail", job -> job.fail(T0.plusSeconds(2), "the computation failed"),
          "cancel", job -> job.cancel(T0.plusSeconds(2)));

  @Test
  void startsQueuedWithNothingDone() {
    Job job = queued();

    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.progress()).isZero();
    assertThat(job.startedAt()).isNull();
    assertThat(job.finishedAt()).isNull();
    assertThat(job.digits()).isNull();
  }

  @ParameterizedTest
  @EnumSource(JobStatus.class)
  void allowsExactlyTheTransitionsOfTheStateMachine(JobStatus from) {
    Job job = in(from);

    TRANSITIONS.forEach(
        (name, transition) -> {
          if (ALLOWED.get(name).contains(from)) {
            assertThat(transition.apply(job)).as("%s from %s", name, from).isNotNull();
          } else {
            assertThatIllegalStateException()
                .as("%s from %s", name, from)
                .isThrownBy(() -> transition.apply(job));
          }
        });
  }

  @Test
  void runsToSuccessWithItsTimesAndDigits() {
    Job done = queued().start(T0.plusSeconds(1)).progressed(0.3).succeed(T0.plusSeconds(5), 209);

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.digits()).isEqualTo(209);
  }

  @Test
  void neverLetsProgressGoBackOrLeaveZeroToOne() {
    Job running = queued().start(T0).progressed(0.6);

    assertThat(running.progressed(0.4).progress()).isEqualTo(0.6);
    assertThat(running.progressed(7).progress()).isEqualTo(1.0);
    assertThat(running.progressed(-1).progress()).isEqualTo(0.6);
  }

  @Test
  void keepsTheReasonOfAFailure() {
    Job failed = queued().start(T0).fail(T0.plusSeconds(3), "out of memory");

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).isEqualTo("out of memory");
    assertThat(failed.status().isFinished()).isTrue();
  }

  @Test
  void isBornSucceededForAValueAlreadyKnown() {
    Job known = Job.alreadyKnown(ID, Position.of(10), ALICE, T0, 2);

    assertThat(known.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(known.progress()).isEqualTo(1.0);
    assertThat(known.finishedAt()).isEqualTo(T0);
  }

  @Test
  void belongsToTheClientThatSubmittedIt() {
    assertThat(queued().isOwnedBy(ALICE)).isTrue();
    assertThat(queued().isOwnedBy(ClientKey.of("198.51.100.9"))).isFalse();
  }

  @Test
  void admitsOnlyTheStatesTheTransitionsCanReach() {
    Job running = queued().start(T0.plusSeconds(1)).progressed(0.25);

    Job restored =
        new Job(
            ID,
            Position.of(1_000),
            ALICE,
            JobStatus.RUNNING,
            T0,
            T0.plusSeconds(1),
            null,
            0.25,
            null,
            null);

    assertThat(restored).isEqualTo(running);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Job(ID, Position.of(1), ALICE, JobStatus.SUCCEEDED, T0, T0, T0, 1, null, null));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Job(
                    ID, Position.of(1), ALICE, JobStatus.RUNNING, T0, null, null, 0, null, null));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Job(
                    ID, Position.of(1), ALICE, JobStatus.QUEUED, T0, null, null, 2, null, null));
  }

  private static Job queued() {
    return Job.submitted(ID, Position.of(1_000), ALICE, T0);
  }

  private static Job in(JobStatus status) {
    return switch (status) {
      case QUEUED -> queued();
      case RUNNING -> queued().start(T0);
      case SUCCEEDED -> queued().start(T0).succeed(T0, 3);
      case FAILED -> queued().fail(T0, "failed");
      case CANCELLED -> queued().cancel(T0);
    };
  }
}
