package io.fibonacci.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PositionLimitTest {

  private static final int MAX = 1_000_000;
  private final PositionLimit limit = PositionLimit.of(MAX);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc", "1.5", "1e3", "+5", "-1", " 5", "5 ", "0x10", "\u0663", "1_000", "\u00bd", "5\n"
      })
  void rejectsTextThatIsNotAPlainDecimalInteger(String text) {
    var rejection = catchThrowableOfType(InvalidPositionException.class, () -> limit.parse(text));

    assertThat(rejection.facts())
        .containsEntry(Fact.REASON, InvalidPositionException.NOT_DECIMAL)
        .containsEntry(Fact.MAXIMUM, MAX);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void rejectsAMissingPosition(String text) {
    var rejection = catchThrowableOfType(InvalidPositionException.class, () -> limit.parse(text));

    assertThat(rejection.text(Fact.REASON)).isEqualTo(InvalidPositionException.MISSING);
    assertThat(rejection.number(Fact.MAXIMUM)).isEqualTo(MAX);
  }

  @Test
  void rejectsTheArabicIndicDigitThree() {
    String arabicIndicThree = "٣";

    assertThatExceptionOfType(InvalidPositionException.class)
        .isThrownBy(() -> limit.parse(arabicIndicThree));
  }

  @Test
  void rejectsAFiveThousandDigitNumber() {
    String huge = "9".repeat(5_000);

    var rejection = catchThrowableOfType(InvalidPositionException.class, () -> limit.parse(huge));

    assertThat(rejection.text(Fact.REASON)).isEqualTo(InvalidPositionException.TOO_LARGE);
  }

  @Test
  void rejectsOneAboveTheMaximum() {
    String oneAbove = Integer.toString(MAX + 1);

    var rejection =
        catchThrowableOfType(InvalidPositionException.class, () -> limit.parse(oneAbove));

    assertThat(rejection.text(Fact.REASON)).isEqualTo(InvalidPositionException.TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "2147483648", "9223372036854775808"})
  void rejectsNumbersThatWouldOverflow(String text) {
    assertThatExceptionOfType(InvalidPositionException.class).isThrownBy(() -> limit.parse(text));
  }

  @Test
  void rejectsOverflowEvenWithTheLargestLimit() {
    PositionLimit widest = PositionLimit.of(Integer.MAX_VALUE);

    assertThatExceptionOfType(InvalidPositionException.class)
        .isThrownBy(() -> widest.parse("99999999999999999999"));
  }

  @Test
  void acceptsTheLargestIntWithTheLargestLimit() {
    PositionLimit widest = PositionLimit.of(Integer.MAX_VALUE);

    Position position = widest.parse(Integer.toString(Integer.MAX_VALUE));

    assertThat(position.value()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void acceptsZero() {
    Position zero = limit.parse("0");

    assertThat(zero).isEqualTo(Position.of(0));
  }

  @Test
  void acceptsTheMaximum() {
    Position max = limit.parse(Integer.toString(MAX));

    assertThat(max).isEqualTo(Position.of(MAX));
  }

  @Test
  void acceptsLeadingZeros() {
    Position seven = limit.parse("007");

    assertThat(seven).isEqualTo(Position.of(7));
  }

  @Test
  void carriesTheInvalidPositionErrorCode() {
    InvalidPositionException rejection =
        catchThrowableOfType(InvalidPositionException.class, () -> limit.parse("abc"));

    assertThat(rejection.errorCode()).isEqualTo(ErrorCode.INVALID_POSITION);
  }

  @Test
  void rejectsANegativeMaximum() {
    assertThatIllegalArgumentException().isThrownBy(() -> PositionLimit.of(-1));
  }
}
