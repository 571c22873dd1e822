package io.fibonacci.presentation.http.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32Test {

  private static int crc(byte[] bytes, int from, int to) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, to - from);
    return (int) crc.getValue();
  }

  @Test
  void combinesToTheChecksumOfTheConcatenation() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[random.nextInt(5_000)];
      random.nextBytes(bytes);
      int split = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);

      int combined =
          Crc32.combine(
              crc(bytes, 0, split), crc(bytes, split, bytes.length), bytes.length - split);

      assertThat(combined).isEqualTo(crc(bytes, 0, bytes.length));
    }
  }

  @Test
  void leavesTheFirstChecksumForAnEmptySecondPart() {
    assertThat(Crc32.combine(0x1234_5678, 0, 0)).isEqualTo(0x1234_5678);
  }

  @Test
  void refusesANegativeLength() {
    assertThatThrownBy(() -> Crc32.combine(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
