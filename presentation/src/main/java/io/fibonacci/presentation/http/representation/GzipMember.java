package io.fibonacci.presentation.http.representation;

import io.fibonacci.application.port.in.EncodedBody;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds a gzip member (RFC 1952) around a representation's parts without compressing anything per
 * response: the cached deflate blocks of the digits go in as they are, and the few bytes before and
 * after them go in as stored blocks (RFC 1951 3.2.4), which need no compressor. The header is fixed
 * (no name, no time), so the same value always gives the same bytes, as its strong tag promises.
 */
final class GzipMember {

  /** ID1 ID2, CM = deflate, no flags, MTIME 0, XFL 0, OS unknown. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final int MAX_STORED_BLOCK = 0xFFFF;

  private GzipMember() {}

  /** The member with the digits as the cached deflate blocks. */
  static WireBody deflated(BodyParts parts, EncodedBody deflatedDigits) {
    List<ByteBuffer> out = new ArrayList<>();
    out.add(ByteBuffer.wrap(HEADER));
    storedBlocks(ByteBuffer.wrap(parts.prefix()), false, out);
    out.add(deflatedDigits.body());
    int crc =
        Crc32.combine(
            BodyParts.crc32(parts.prefix()),
            deflatedDigits.digitsCrc32(),
            deflatedDigits.digitCount());
    return finish(parts, crc, out);
  }

  /**
   * The member with everything in stored blocks: for a value too small to have deflate blocks
   * cached, asked for by a client that refuses the identity coding.
   */
  static WireBody stored(BodyParts parts) {
    List<ByteBuffer> out = new ArrayList<>();
    out.add(ByteBuffer.wrap(HEADER));
    storedBlocks(ByteBuffer.wrap(parts.prefix()), false, out);
    storedBlocks(parts.digits(), false, out);
    CRC32 digitsCrc = new CRC32();
    digitsCrc.update(parts.digits());
    int crc =
        Crc32.combine(
            BodyParts.crc32(parts.prefix()),
            (int) digitsCrc.getValue(),
            parts.digits().remaining());
    return finish(parts, crc, out);
  }

  /** The suffix as the final block, then the trailer: CRC-32 and length of the whole, LE. */
  private static WireBody finish(BodyParts parts, int crcBeforeSuffix, List<ByteBuffer> out) {
    ByteBuffer suffix = ByteBuffer.wrap(parts.suffix());
    out.add(storedHeader(suffix.remaining(), true));
    out.add(suffix);
    int crc =
        Crc32.combine(crcBeforeSuffix, BodyParts.crc32(parts.suffix()), parts.suffix().length);
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt(crc).putInt((int) parts.length()).flip();
    out.add(trailer);
    return new WireBody(out);
  }

  /** {@code bytes} as stored blocks of at most 65535 bytes, views of it, none final. */
  private static void storedBlocks(ByteBuffer bytes, boolean last, List<ByteBuffer> out) {
    ByteBuffer rest = bytes.duplicate();
    while (rest.hasRemaining()) {
      int size = Math.min(MAX_STORED_BLOCK, rest.remaining());
      ByteBuffer block = rest.slice(rest.position(), size);
      rest.position(rest.position() + size);
      out.add(storedHeader(size, last && !rest.hasRemaining()));
      out.add(block);
    }
  }

  /** BFINAL and BTYPE 00 in the first byte (the rest of it is padding), then LEN and NLEN. */
  private static ByteBuffer storedHeader(int size, boolean last) {
    ByteBuffer header = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN);
    header.put((byte) (last ? 1 : 0)).putShort((short) size).putShort((short) ~size).flip();
    return header;
  }
}
