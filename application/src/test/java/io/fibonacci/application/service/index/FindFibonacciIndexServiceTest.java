package io.fibonacci.application.service.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.in.index.FibonacciIndexAnswer;
import io.fibonacci.application.port.in.index.FibonacciIndexQuery;
import io.fibonacci.application.service.PassThroughCache;
import io.fibonacci.application.service.RecordingLimiter;
import io.fibonacci.application.service.RecordingScheduler;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.calculator.DoublingFibonacciCalculator;
import io.fibonacci.domain.model.InvalidArgumentException;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindFibonacciIndexServiceTest {

  private static final String CLIENT = "192.0.2.1";

  private final RecordingLimiter limiter =
      new RecordingLimiter(1_000, List.of(new QuotaUsage("bucket", 1_000, 10, 999, 1)));
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final PassThroughCache cache = new PassThroughCache();
  private final List<Integer> looked = cache.looked;
  private final FindFibonacciIndexService service =
      new FindFibonacciIndexService(
          100_000,
          new RequestAdmission(limiter),
          new RequestCostPolicy(1_000),
          cache,
          new ScheduledCalculator(scheduler, new DoublingFibonacciCalculator()));

  @Test
  void answersSmallValuesForOneTokenWithoutComputing() {
    FibonacciIndexAnswer twelve = find("144");
    FibonacciIndexAnswer between = find("000100");

    assertThat(twelve.fibonacci()).isTrue();
    assertThat(twelve.n()).isEqualTo(12);
    assertThat(between.fibonacci()).isFalse();
    assertThat(between.value()).isEqualTo("100");
    assertThat(between.below()).isEqualTo(11);
    assertThat(between.above()).isEqualTo(12);
    assertThat(limiter.charges).containsExactly(1L, 1L);
    assertThat(looked).isEmpty();
  }

  @Test
  void confirmsALargeValueAgainstTheValueAtItsEstimateChargedAsThatValue() {
    BigInteger f5000 = DoublingFibonacciCalculator.valueAt(5_000);

    FibonacciIndexAnswer exact = find(f5000.toString());
    FibonacciIndexAnswer above = find(f5000.add(BigInteger.ONE).toString());

    assertThat(exact.fibonacci()).isTrue();
    assertThat(exact.n()).isEqualTo(5_000);
    assertThat(above.below()).isEqualTo(5_000);
    assertThat(above.above()).isEqualTo(5_001);
    assertThat(looked).containsExactly(5_000, 5_000);
    assertThat(limiter.charges).containsExactly(6L, 6L);
  }

  @Test
  void refusesValuesWithMoreDigitsThanTheLargestComputableValue() {
    int maxDigits = service.maxDigits();

    assertThat(maxDigits)
        .isEqualTo(DoublingFibonacciCalculator.valueAt(100_000).toString().length());
    assertThatThrownBy(() -> find("1".repeat(maxDigits + 1)))
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> find("12a")).hasCauseInstanceOf(InvalidArgumentException.class);
    assertThat(limiter.charges).isEmpty();
  }

  @Test
  void shedsWhenThePoolIsFull() {
    scheduler.saturated = true;

    assertThatThrownBy(() -> find(DoublingFibonacciCalculator.valueAt(4_000).toString()))
        .hasCauseInstanceOf(ServerOverloadedException.class);
  }

  private FibonacciIndexAnswer find(String value) {
    return service.find(new FibonacciIndexQuery(value, CLIENT)).toCompletableFuture().join();
  }
}
