package io.fibonacci.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FibonacciNumberTest {

  private static final Position TWELVE = Position.of(12);

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-144", "+144", "14 4", "1.44", "0144", "00", "abc", "\u0661\u0664\u0664"})
  void rejectsAnythingButACanonicalDecimal(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> FibonacciNumber.of(TWELVE, text));
  }

  @Test
  void rejectsNonDigitBytes() {
    byte[] ascii = {'1', '4', (byte) 0xD9};

    assertThatIllegalArgumentException()
        .isThrownBy(() -> FibonacciNumber.ofAsciiDigits(TWELVE, ascii));
  }

  @Test
  void rejectsNegativeValues() {
    BigInteger negative = BigInteger.valueOf(-144);

    assertThatIllegalArgumentException().isThrownBy(() -> FibonacciNumber.of(TWELVE, negative));
  }

  @Test
  void acceptsASingleZero() {
    FibonacciNumber zero = FibonacciNumber.of(Position.of(0), "0");

    assertThat(zero.decimal()).isEqualTo("0");
    assertThat(zero.digitCount()).isEqualTo(1);
  }

  @Test
  void countsItsDigits() {
    FibonacciNumber number = FibonacciNumber.of(TWELVE, BigInteger.valueOf(144));

    int count = number.digitCount();

    assertThat(count).isEqualTo(3);
  }

  @Test
  void exposesItsDigitsReadOnly() {
    FibonacciNumber number = FibonacciNumber.of(TWELVE, "144");

    ByteBuffer digits = number.digits();

    assertThat(digits.isReadOnly()).isTrue();
    assertThat(digits.position()).isZero();
    assertThat(digits.remaining()).isEqualTo(3);
    assertThatExceptionOfType(ReadOnlyBufferException.class)
        .isThrownBy(() -> digits.put(0, (byte) '9'));
    assertThat(number.decimal()).isEqualTo("144");
  }

  @Test
  void givesEachReaderItsOwnView() {
    FibonacciNumber number = FibonacciNumber.of(TWELVE, "144");
    number.digits().get();

    ByteBuffer fresh = number.digits();

    assertThat(fresh.position()).isZero();
    assertThat(StandardCharsets.US_ASCII.decode(fresh).toString()).isEqualTo("144");
  }

  @Test
  void convertsBackToTheSameBigInteger() {
    BigInteger value = new BigInteger("354224848179261915075");

    FibonacciNumber number = FibonacciNumber.of(Position.of(100), value);

    assertThat(new BigInteger(number.decimal())).isEqualTo(value);
  }

  @Test
  void equalsANumberWithTheSamePositionAndDigits() {
    FibonacciNumber fromText = FibonacciNumber.of(TWELVE, "144");
    FibonacciNumber fromBytes =
        FibonacciNumber.ofAsciiDigits(TWELVE, "144".getBytes(StandardCharsets.US_ASCII));

    assertThat(fromBytes).isEqualTo(fromText).hasSameHashCodeAs(fromText);
    assertThat(fromBytes).isNotEqualTo(FibonacciNumber.of(Position.of(13), "144"));
  }

  @Test
  void printsLargeValuesAsTheirLengthOnly() {
    FibonacciNumber large = FibonacciNumber.of(Position.of(500), "1" + "0".repeat(104));

    String text = large.toString();

    assertThat(text).isEqualTo("F(500)=<105 digits>");
  }

  @Test
  void printsSmallValuesInFull() {
    FibonacciNumber small = FibonacciNumber.of(TWELVE, "144");

    String text = small.toString();

    assertThat(text).isEqualTo("F(12)=144");
  }

  @Test
  void movesItsDigitsOffTheHeapOnceAndKeepsItsValue() {
    FibonacciNumber onHeap = FibonacciNumber.of(Position.of(12), "144");

    FibonacciNumber offHeap = onHeap.offHeap();

    assertThat(onHeap.isOffHeap()).isFalse();
    assertThat(offHeap.isOffHeap()).isTrue();
    assertThat(offHeap.digits().isDirect()).isTrue();
    assertThat(offHeap.digits().isReadOnly()).isTrue();
    assertThat(offHeap.decimal()).isEqualTo("144");
    assertThat(offHeap).isEqualTo(onHeap);
    assertThat(offHeap.offHeap()).isSameAs(offHeap);
    assertThat(offHeap.retainedBytes()).isEqualTo(onHeap.retainedBytes());
  }
}
