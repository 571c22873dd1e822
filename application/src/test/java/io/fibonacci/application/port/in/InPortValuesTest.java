package io.fibonacci.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.fibonacci.shared.ContentCoding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InPortValuesTest {

  @Test
  void aQueryIsChargedToSomeone() {
    assertThatIllegalArgumentException().isThrownBy(() -> new GetFibonacciQuery("10", ""));
    assertThatNullPointerException().isThrownBy(() -> new GetFibonacciQuery("10", null));
    assertThatNullPointerException()
        .isThrownBy(() -> new GetFibonacciQuery("10", "192.0.2.1", null));
    assertThat(new GetFibonacciQuery("10", "192.0.2.1").coding()).isEqualTo(ContentCoding.IDENTITY);
  }

  @Test
  void givesEveryReaderOfABodyItsOwnView() {
    var body = new EncodedBody(ContentCoding.GZIP, ByteBuffer.wrap(new byte[] {1, 2, 3}), 5, 9);

    ByteBuffer first = body.body();
    first.get();

    assertThat(body.body().position()).isZero();
    assertThat(first.isReadOnly()).isTrue();
    assertThat(body.body().remaining()).isEqualTo(3);
  }

  @Test
  void givesEveryReaderOfAResultItsOwnViewOfTheDigits() {
    var digits = ByteBuffer.wrap("55".getBytes(StandardCharsets.US_ASCII));
    var result = new FibonacciResult(10, digits, 2, 1, RateLimitStatus.UNLIMITED);

    result.digits().get();

    assertThat(result.digits().remaining()).isEqualTo(2);
    assertThat(result.encodedForm()).isEmpty();
  }

  @Test
  void reportsWhetherAnyQuotaApplies() {
    var limited = new RateLimitStatus(List.of(new RateLimitStatus.Quota("bucket", 1, 1, 1, 0)));

    assertThat(limited.isLimited()).isTrue();
    assertThat(RateLimitStatus.UNLIMITED.isLimited()).isFalse();
  }
}
