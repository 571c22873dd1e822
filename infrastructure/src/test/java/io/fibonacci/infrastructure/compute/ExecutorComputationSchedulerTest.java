package io.fibonacci.infrastructure.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fibonacci.domain.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ExecutorComputationSchedulerTest {

  private final List<Runnable> pool = new ArrayList<>();
  private final Executor queueing = pool::add;

  @Test
  void computesUpToTheInlineLimitOnTheCallersThread() {
    var scheduler = new ExecutorComputationScheduler(100, queueing, 1);
    Thread caller = Thread.currentThread();

    var result = scheduler.schedule(Position.of(100), () -> Thread.currentThread() == caller);

    assertThat(result).hasValueSatisfying(future -> assertThat(future.join()).isTrue());
    assertThat(pool).isEmpty();
  }

  @Test
  void handsLargerPositionsToThePool() {
    var scheduler = new ExecutorComputationScheduler(100, queueing, 1);

    var result = scheduler.schedule(Position.of(101), () -> "done");

    assertThat(pool).hasSize(1);
    assertThat(result).hasValueSatisfying(future -> assertThat(future).isNotDone());
    pool.get(0).run();
    assertThat(result.orElseThrow().join()).isEqualTo("done");
  }

  @Test
  void handsWorkItsCallerJudgedHeavyToThePoolWhateverItsSizeAndShedsItWhenFull() {
    var scheduler = new ExecutorComputationScheduler(100, queueing, 1);
    var shedding =
        new ExecutorComputationScheduler(
            100,
            task -> {
              throw new RejectedExecutionException("full");
            },
            1);

    var result = scheduler.scheduleHeavy(() -> "modular");

    assertThat(pool).hasSize(1);
    pool.get(0).run();
    assertThat(result.orElseThrow().join()).isEqualTo("modular");
    assertThat(shedding.scheduleHeavy(() -> "never")).isEmpty();
  }

  @Test
  void shedsWhenThePoolRefusesAndSaysWhenToComeBack() {
    Executor full =
        task -> {
          throw new RejectedExecutionException("full");
        };
    var scheduler = new ExecutorComputationScheduler(100, full, 3);

    var result = scheduler.schedule(Position.of(5_000), () -> "never");

    assertThat(result).isEmpty();
    assertThat(scheduler.retryAfterSecondsWhenShed()).isEqualTo(3);
  }

  @Test
  void turnsAnInlineFailureIntoAFailedFuture() {
    var scheduler = new ExecutorComputationScheduler(100, queueing, 1);

    var result =
        scheduler.schedule(
            Position.of(1),
            () -> {
              throw new IllegalStateException("broken");
            });

    assertThat(result).hasValueSatisfying(future -> assertThat(future).isCompletedExceptionally());
  }

  @Test
  void refusesANegativeLimitOrNoWaitAfterShedding() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExecutorComputationScheduler(-1, queueing, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExecutorComputationScheduler(0, queueing, 0));
  }
}
