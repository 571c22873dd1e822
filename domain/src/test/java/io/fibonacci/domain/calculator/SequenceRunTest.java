package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.sequence.SequenceOrder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SequenceRunTest {

  @Property(tries = 200)
  void runsUpAndDownEqualToSingleValues(
      @ForAll @IntRange(min = 1, max = 6_000) int start,
      @ForAll @IntRange(min = 1, max = 60) int count) {
    SequenceRun up = new SequenceRun(value(start), value(start + 1), SequenceOrder.ASC);
    SequenceRun down = new SequenceRun(value(start), value(start - 1), SequenceOrder.DESC);

    for (int i = 0; i < count; i++) {
      assertThat(text(up.next())).isEqualTo(expected(start + i));
      if (start - i >= 0) {
        assertThat(text(down.next())).isEqualTo(expected(start - i));
      }
    }
  }

  @Test
  void crossesEveryLimbBoundaryOfTheDecimalArithmetic() {
    // F(86)..F(90) go from 18 to 19 digits, F(172)..F(176) from 36 to 37: a carry into a new limb.
    for (int start : new int[] {0, 80, 170, 4_780}) {
      SequenceRun up = new SequenceRun(value(start), value(start + 1), SequenceOrder.ASC);
      for (int n = start; n < start + 12; n++) {
        assertThat(text(up.next())).as("F(%d)", n).isEqualTo(expected(n));
      }
    }
  }

  @Test
  void descendsToZeroWithoutComputingBelowIt() {
    SequenceRun down = new SequenceRun(value(3), value(2), SequenceOrder.DESC);

    assertThat(text(down.next())).isEqualTo("2");
    assertThat(text(down.next())).isEqualTo("1");
    assertThat(text(down.next())).isEqualTo("1");
    assertThat(text(down.next())).isEqualTo("0");
    assertThatIllegalStateException().isThrownBy(down::next);
  }

  private static FibonacciNumber value(int n) {
    return FibonacciNumber.of(
        Position.of(Math.max(0, n)), IterativeFibonacciCalculator.valueAt(Math.max(0, n)));
  }

  private static String expected(int n) {
    return IterativeFibonacciCalculator.valueAt(n).toString();
  }

  private static String text(byte[] digits) {
    return new String(digits, StandardCharsets.US_ASCII);
  }
}
