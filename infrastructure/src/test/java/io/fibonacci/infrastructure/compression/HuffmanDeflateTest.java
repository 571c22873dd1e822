package io.fibonacci.infrastructure.compression;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.ContentCoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class HuffmanDeflateTest {

  private static byte[] digitsOf(int n) {
    ByteBuffer digits = new SizeTieredFibonacciCalculator().compute(Position.of(n)).digits();
    byte[] bytes = new byte[digits.remaining()];
    digits.get(bytes);
    return bytes;
  }

  /** Inflates the blocks followed by an empty final stored block, as a response ends them. */
  private static byte[] inflate(EncodedDigits encoded) throws DataFormatException {
    ByteBuffer body = encoded.body();
    byte[] stream = new byte[body.remaining() + 5];
    body.get(stream, 0, body.remaining());
    System.arraycopy(
        new byte[] {1, 0, 0, (byte) 0xff, (byte) 0xff}, 0, stream, stream.length - 5, 5);
    Inflater inflater = new Inflater(true);
    inflater.setInput(stream);
    var out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    while (!inflater.finished()) {
      int count = inflater.inflate(chunk);
      if (count == 0 && inflater.needsInput()) {
        break;
      }
      out.write(chunk, 0, count);
    }
    boolean finished = inflater.finished();
    inflater.end();
    assertThat(finished).isTrue();
    return out.toByteArray();
  }

  @Test
  void deflatesTheDigitsToUnderHalfTheirSize() throws DataFormatException {
    byte[] digits = digitsOf(100_000);

    EncodedDigits encoded;
    try (var deflate = new HuffmanDeflate()) {
      encoded = deflate.deflate(ByteBuffer.wrap(digits).asReadOnlyBuffer());
    }

    assertThat(inflate(encoded)).isEqualTo(digits);
    assertThat(encoded.coding()).isEqualTo(ContentCoding.GZIP);
    assertThat(encoded.digitCount()).isEqualTo(digits.length);
    assertThat((double) encoded.length() / digits.length).isBetween(0.415, 0.46);
    CRC32 crc = new CRC32();
    crc.update(digits);
    assertThat(encoded.digitsCrc32()).isEqualTo((int) crc.getValue());
  }

  @Test
  void endsOnAByteBoundaryWithNoFinalBlock() {
    EncodedDigits encoded;
    try (var deflate = new HuffmanDeflate()) {
      encoded = deflate.deflate(ByteBuffer.wrap(digitsOf(20_000)));
    }

    ByteBuffer body = encoded.body();
    byte[] tail = new byte[4];
    body.position(body.limit() - 4).get(tail);
    // A sync flush ends with an empty non-final stored block: LEN 0000, NLEN FFFF.
    assertThat(tail).containsExactly(0, 0, (byte) 0xff, (byte) 0xff);
    assertThat(encoded.body().isDirect()).isTrue();
  }

  @Test
  void reusesOneDeflaterForManyValues() throws DataFormatException {
    try (var deflate = new HuffmanDeflate()) {
      for (int n : new int[] {5_000, 300_000, 5_000, 1}) {
        byte[] digits = digitsOf(n);

        assertThat(inflate(deflate.deflate(ByteBuffer.wrap(digits)))).isEqualTo(digits);
      }
    }
  }

  @Test
  void givesTheSameBytesForTheSameDigits() {
    try (var first = new HuffmanDeflate();
        var second = new HuffmanDeflate()) {
      byte[] digits = digitsOf(50_000);

      assertThat(first.deflate(ByteBuffer.wrap(digits)).body())
          .isEqualTo(second.deflate(ByteBuffer.wrap(digits)).body());
    }
  }
}
