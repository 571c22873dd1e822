package io.fibonacci.presentation.http.representation;

/**
 * Combines CRC-32 checksums: given crc(A), crc(B) and the length of B, the CRC-32 of A followed by
 * B, in about 32 operations per bit of the length. The JDK computes CRC-32 but cannot combine two,
 * and a gzip member built around cached deflate blocks needs the checksum of the whole
 * representation without reading its digits again on every response.
 *
 * <p>Appending n zero bytes to a message multiplies its CRC register by x^(8n) modulo the CRC
 * polynomial, a linear map over GF(2); the maps for n = 2^k are computed once, as 32x32 bit
 * matrices, and a length's set bits pick which to apply.
 */
final class Crc32 {

  /** The reflected CRC-32 polynomial (IEEE 802.3), as gzip uses it. */
  private static final int POLYNOMIAL = 0xEDB88320;

  /** {@code ZEROS[k]} appends 2^k zero bytes to a CRC register. */
  private static final int[][] ZEROS = new int[63][];

  static {
    int[] oneBit = new int[32];
    oneBit[0] = POLYNOMIAL;
    for (int bit = 1; bit < 32; bit++) {
      oneBit[bit] = 1 << (bit - 1);
    }
    int[] twoBits = square(oneBit);
    int[] fourBits = square(twoBits);
    int[] oneByte = square(fourBits);
    ZEROS[0] = oneByte;
    for (int k = 1; k < ZEROS.length; k++) {
      ZEROS[k] = square(ZEROS[k - 1]);
    }
  }

  private Crc32() {}

  /** The CRC-32 of A followed by B, from {@code crcA}, {@code crcB} and the length of B. */
  static int combine(int crcA, int crcB, long lengthB) {
    if (lengthB < 0) {
      throw new IllegalArgumentException("a length is 0 or more, got " + lengthB);
    }
    int register = crcA;
    for (int k = 0; lengthB != 0; k++, lengthB >>>= 1) {
      if ((lengthB & 1) != 0) {
        register = times(ZEROS[k], register);
      }
    }
    return register ^ crcB;
  }

  private static int times(int[] matrix, int vector) {
    int sum = 0;
    for (int bit = 0; vector != 0; bit++, vector >>>= 1) {
      if ((vector & 1) != 0) {
        sum ^= matrix[bit];
      }
    }
    return sum;
  }

  private static int[] square(int[] matrix) {
    int[] square = new int[32];
    for (int bit = 0; bit < 32; bit++) {
      square[bit] = times(matrix, matrix[bit]);
    }
    return square;
  }
}
