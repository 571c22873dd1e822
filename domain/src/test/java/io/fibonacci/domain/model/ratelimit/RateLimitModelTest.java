package io.fibonacci.domain.model.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariants of the rate-limit values; the rule itself is in {@link RateLimitCasesTest}. */
class RateLimitModelTest {

  private static final RateLimitPolicy POLICY = RateLimitPolicy.of(10, 1, 5, 0, 0);

  @Test
  void refusesAnEmptyOrMissingClientKey() {
    assertThatIllegalArgumentException().isThrownBy(() -> ClientKey.of(""));
    assertThatNullPointerException().isThrownBy(() -> ClientKey.of(null));
    assertThat(ClientKey.of("192.0.2.1").value()).isEqualTo("192.0.2.1");
  }

  @Test
  void refusesWindowsWithoutANameALengthOrALimit() {
    assertThatIllegalArgumentException().isThrownBy(() -> new FixedWindow("", 60, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new FixedWindow("minute", 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new FixedWindow("minute", 60, 0));
  }

  @Test
  void keepsItsOwnCopyOfTheCountsAStoreHandsIt() {
    long[] indexes = {7};
    long[] counts = {3};
    LimitState state = LimitState.of(42, indexes, counts);

    counts[0] = 99;
    indexes[0] = 8;

    assertThat(state.countIn(0, 7)).isEqualTo(3);
    assertThat(state.windowIndex(0)).isEqualTo(7);
    assertThat(state.fullAtNanos()).isEqualTo(42);
    assertThat(state).isEqualTo(LimitState.of(42, new long[] {7}, new long[] {3}));
    assertThat(state.hashCode())
        .isEqualTo(LimitState.of(42, new long[] {7}, new long[] {3}).hashCode());
    assertThat(state).isNotEqualTo(LimitState.of(42, new long[] {7}, new long[] {4}));
    assertThat(state.toString()).contains("42", "[7]", "[3]");
  }

  @Test
  void countsNothingInAWindowOtherThanTheOneLastCounted() {
    LimitState state = LimitState.of(0, new long[] {7}, new long[] {3});

    assertThat(state.countIn(0, 8)).isZero();
  }

  @Test
  void refusesAStateWhoseCountsAndIndexesDisagree() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LimitState.of(0, new long[] {1, 2}, new long[] {1}));
  }

  @Test
  void refusesToDecideOnAStateOfAnotherPolicyOrACostBelowOne() {
    LimitState noWindows = LimitState.fresh(RateLimitPolicy.of(10, 1, 0, 0, 0));

    assertThatIllegalArgumentException().isThrownBy(() -> POLICY.decide(noWindows, 0, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> POLICY.decide(LimitState.fresh(POLICY), 0, 0));
  }

  @Test
  void decisionsCannotContradictThemselves() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitDecision(true, List.of(), 3));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitDecision(false, List.of(), 0));
    assertThat(RateLimitDecision.refuse(List.of(), 0).retryAfterSeconds()).isOne();
    assertThat(RateLimitDecision.UNLIMITED.allowed()).isTrue();
    assertThat(RateLimitDecision.UNLIMITED.quotas()).isEmpty();
  }
}
