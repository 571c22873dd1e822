package io.fibonacci.presentation.http.representation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.http.representation.ByteRange.Full;
import io.fibonacci.presentation.http.representation.ByteRange.Partial;
import io.fibonacci.presentation.http.representation.ByteRange.Unsatisfiable;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

  private static final long LENGTH = 100;

  private static ByteRange.Outcome of(String field) {
    return ByteRange.evaluate(field, LENGTH);
  }

  @Test
  void servesAClosedRange() {
    assertThat(of("bytes=0-9")).isEqualTo(new Partial(0, 9, LENGTH));
    assertThat(of("bytes=10-10")).isEqualTo(new Partial(10, 10, LENGTH));
    assertThat(((Partial) of("bytes=0-9")).contentRange()).isEqualTo("bytes 0-9/100");
  }

  @Test
  void servesAnOpenRangeAndASuffix() {
    assertThat(of("bytes=90-")).isEqualTo(new Partial(90, 99, LENGTH));
    assertThat(of("bytes=-5")).isEqualTo(new Partial(95, 99, LENGTH));
    assertThat(of("bytes=-500")).isEqualTo(new Partial(0, 99, LENGTH));
  }

  @Test
  void clampsALastPositionBeyondTheEnd() {
    assertThat(of("bytes=50-1000")).isEqualTo(new Partial(50, 99, LENGTH));
    assertThat(of("bytes=50-99999999999999999999999")).isEqualTo(new Partial(50, 99, LENGTH));
  }

  @Test
  void refusesARangeThatStartsPastTheEnd() {
    assertThat(of("bytes=100-")).isEqualTo(new Unsatisfiable(LENGTH));
    assertThat(of("bytes=100-200")).isEqualTo(new Unsatisfiable(LENGTH));
    assertThat(of("bytes=-0")).isEqualTo(new Unsatisfiable(LENGTH));
    assertThat(of("bytes=99999999999999999999999-")).isEqualTo(new Unsatisfiable(LENGTH));
    assertThat(((Unsatisfiable) of("bytes=100-")).contentRange()).isEqualTo("bytes */100");
  }

  @Test
  void ignoresWhatItDoesNotServe() {
    assertThat(of("bytes=9-0")).isEqualTo(new Full());
    assertThat(of("bytes=0-0,5-9")).isEqualTo(new Full());
    assertThat(of("items=0-9")).isEqualTo(new Full());
    assertThat(of("bytes=")).isEqualTo(new Full());
    assertThat(of("bytes=-")).isEqualTo(new Full());
    assertThat(of("bytes=a-b")).isEqualTo(new Full());
    assertThat(of("bytes=1-2-3")).isEqualTo(new Full());
    assertThat(of("bytes=+1-2")).isEqualTo(new Full());
    assertThat(of("bytes 0-9")).isEqualTo(new Full());
  }

  @Test
  void ignoresAnOverlongField() {
    String thousandRanges = "bytes=" + "0-0,".repeat(999) + "1-1";

    assertThat(of(thousandRanges)).isEqualTo(new Full());
    assertThat(of("bytes=" + "0".repeat(ByteRange.MAX_FIELD_LENGTH) + "-1")).isEqualTo(new Full());
  }

  @Test
  void readsTheUnitWithoutRegardToCase() {
    assertThat(of("Bytes=0-1")).isEqualTo(new Partial(0, 1, LENGTH));
  }
}
