package io.fibonacci.domain.model.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

  @Test
  void enablesOnlyTheWindowsWithAPositiveLimitInOrderMinuteHourDay() {
    RateLimitPolicy policy = RateLimitPolicy.of(1000, 100, 30, 0, 200);

    assertThat(policy.windows())
        .containsExactly(new FixedWindow("minute", 60, 30), new FixedWindow("day", 86_400, 200));
  }

  @Test
  void keepsStateAsLongAsTheBucketTakesToFillWhenThatIsLongest() {
    RateLimitPolicy policy = RateLimitPolicy.of(1000, 10, 30, 0, 0);

    assertThat(policy.idleExpiry()).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void keepsStateAsLongAsTheLongestWindowWhenThatIsLongest() {
    RateLimitPolicy policy = RateLimitPolicy.of(1000, 100, 30, 50, 0);

    assertThat(policy.idleExpiry()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void measuresOneTokenOfRefillInWholeNanoseconds() {
    RateLimitPolicy policy = RateLimitPolicy.of(10, 3, 0, 0, 0);

    assertThat(policy.nanosPerToken()).isEqualTo(333_333_333L);
  }

  @Test
  void numbersWindowsFromTheEpoch() {
    FixedWindow hour = new FixedWindow("hour", 3_600, 1);

    long index = hour.indexAt(7_199);

    assertThat(index).isOne();
    assertThat(hour.endNanos(index)).isEqualTo(7_200_000_000_000L);
  }

  @Test
  void rejectsAnEmptyBucket() {
    assertThatThrownBy(() -> RateLimitPolicy.of(0, 1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsARefillRateThatIsNotPositive() {
    assertThatThrownBy(() -> RateLimitPolicy.of(10, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitPolicy.of(10, Double.NaN, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
