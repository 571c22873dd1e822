package io.fibonacci.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.fibonacci.shared.ContentCoding;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EncodedDigitsTest {

  @Test
  void givesEveryReaderItsOwnReadOnlyView() {
    var encoded =
        new EncodedDigits(ContentCoding.GZIP, ByteBuffer.wrap(new byte[] {1, 2, 3}), 5, 9);

    ByteBuffer first = encoded.body();
    first.get();
    ByteBuffer second = encoded.body();

    assertThat(first.isReadOnly()).isTrue();
    assertThat(second.position()).isZero();
    assertThat(encoded.length()).isEqualTo(3);
    assertThat(encoded.retainedBytes()).isEqualTo(64 + 3);
  }

  @Test
  void needsACodingAndABody() {
    assertThatNullPointerException()
        .isThrownBy(() -> new EncodedDigits(null, ByteBuffer.allocate(0), 0, 0));
    assertThatNullPointerException()
        .isThrownBy(() -> new EncodedDigits(ContentCoding.GZIP, null, 0, 0));
  }
}
