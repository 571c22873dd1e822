package io.fibonacci.presentation.http.representation;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * One representation's bytes as three parts: a short prefix, the shared digits, a short suffix.
 *
 * @param prefix the bytes before the digits
 * @param digits read-only view of the shared digits
 * @param suffix the bytes after the digits
 */
// The arrays are a few framing bytes built per response and never shared or compared.
@SuppressWarnings("ArrayRecordComponent")
public record BodyParts(byte[] prefix, ByteBuffer digits, byte[] suffix) {

  /** A fresh view of the digits, so each reader has its own position. */
  @Override
  public ByteBuffer digits() {
    return digits.duplicate();
  }

  /** The length of the whole representation. */
  public long length() {
    return (long) prefix.length + digits.remaining() + suffix.length;
  }

  static int crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
