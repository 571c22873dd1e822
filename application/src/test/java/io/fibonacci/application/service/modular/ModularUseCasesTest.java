package io.fibonacci.application.service.modular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.in.modular.ModularFibonacci;
import io.fibonacci.application.port.in.modular.ModularFibonacciQuery;
import io.fibonacci.application.port.in.modular.PisanoPeriod;
import io.fibonacci.application.port.in.modular.PisanoPeriodQuery;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.RecordingLimiter;
import io.fibonacci.application.service.RecordingScheduler;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.domain.model.InvalidArgumentException;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ModularUseCasesTest {

  private static final String CLIENT = "192.0.2.1";

  private final RecordingLimiter limiter =
      new RecordingLimiter(100, List.of(new QuotaUsage("bucket", 100, 10, 99, 1)));
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final GetModularFibonacciService modular =
      new GetModularFibonacciService(
          new RequestAdmission(limiter),
          new HeavyWork(scheduler),
          new ModularCostPolicy(5_000, 10_000));
  private final GetPisanoPeriodService pisano =
      new GetPisanoPeriodService(
          new RequestAdmission(limiter),
          new HeavyWork(scheduler),
          new ModularCostPolicy(20_000, 200_000));

  @Test
  void answersSmallOperandsAtOnceForOneToken() {
    ModularFibonacci answer =
        await(modular.get(new ModularFibonacciQuery("1000000000000000000", "1000000007", CLIENT)));

    assertThat(answer.value()).isEqualTo("209783453");
    assertThat(answer.n()).isEqualTo("1000000000000000000");
    assertThat(answer.cost()).isEqualTo(1);
    assertThat(limiter.charges).containsExactly(1L);
    assertThat(scheduler.heavy).isZero();
  }

  @Test
  void sendsLargeOperandsToThePoolChargedByTheirWorkCappedAtTheBucket() {
    String thousandDigits = "9".repeat(1_000);

    ModularFibonacci answer =
        await(modular.get(new ModularFibonacciQuery("0007", thousandDigits, CLIENT)));
    await(modular.get(new ModularFibonacciQuery(thousandDigits, "97", CLIENT)));

    assertThat(answer.value()).isEqualTo("13");
    assertThat(answer.n()).isEqualTo("7");
    assertThat(scheduler.heavy).isEqualTo(1);
    // 7 has 3 bits and m 104 words: 3 * 104^2 = 32,448 units, 1 + 3 tokens, on the pool;
    // n has 3,322 bits and m one word: 3,322 units, 1 token, inline
    assertThat(limiter.charges).containsExactly(4L, 1L);
  }

  @Test
  void shedsALargeComputationWhenThePoolIsFull() {
    scheduler.saturated = true;

    assertThatThrownBy(
            () -> await(modular.get(new ModularFibonacciQuery("5", "9".repeat(1_000), CLIENT))))
        .hasCauseInstanceOf(ServerOverloadedException.class);
  }

  @Test
  void refusesBadOperandsAndSpentQuotasBeforeComputingAnything() {
    assertThatThrownBy(() -> await(modular.get(new ModularFibonacciQuery("5", "0", CLIENT))))
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> await(pisano.get(new PisanoPeriodQuery("10000000000000", CLIENT))))
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThat(limiter.charges).isEmpty();

    limiter.allow = false;

    assertThatThrownBy(
            () -> await(modular.get(new ModularFibonacciQuery("5", "9".repeat(999), CLIENT))))
        .hasCauseInstanceOf(RateLimitExceededException.class);
    assertThat(scheduler.heavy).isZero();
  }

  @Test
  void computesSmallPeriodsAtOnceAndLargeOnesOnThePool() {
    PisanoPeriod small = await(pisano.get(new PisanoPeriodQuery("10", CLIENT)));
    PisanoPeriod large = await(pisano.get(new PisanoPeriodQuery("1000000000000", CLIENT)));

    assertThat(small.period()).isEqualTo(60);
    assertThat(large.period()).isEqualTo(1_500_000_000_000L);
    assertThat(scheduler.heavy).isEqualTo(1);
    assertThat(limiter.charges).containsExactly(1L, 11L);
  }

  private static <T> T await(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
