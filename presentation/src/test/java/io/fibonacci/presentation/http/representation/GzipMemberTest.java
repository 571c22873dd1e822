package io.fibonacci.presentation.http.representation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.in.EncodedBody;
import io.fibonacci.shared.ContentCoding;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipMemberTest {

  private static final byte[] PREFIX = "{\"n\":7,\"value\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUFFIX = "\",\"digits\":70000}".getBytes(StandardCharsets.US_ASCII);

  private static byte[] randomDigits(int count, long seed) {
    Random random = new Random(seed);
    byte[] digits = new byte[count];
    for (int i = 0; i < count; i++) {
      digits[i] = (byte) ('0' + random.nextInt(10));
    }
    return digits;
  }

  /** Raw deflate blocks ended by a sync flush, as the encoder caches them. */
  private static EncodedBody syncFlushed(byte[] digits, int strategy) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    deflater.setStrategy(strategy);
    deflater.setInput(digits);
    byte[] out = new byte[digits.length + 1024];
    int length = 0;
    // The first call may only apply the strategy; more calls follow until the input is taken.
    while (!deflater.needsInput() || length == 0) {
      length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(digits);
    return new EncodedBody(
        ContentCoding.GZIP,
        ByteBuffer.wrap(Arrays.copyOf(out, length)),
        digits.length,
        (int) crc.getValue());
  }

  private static byte[] bytesOf(WireBody body) {
    ByteBuf buffer = body.toByteBuf();
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    buffer.release();
    return bytes;
  }

  /** GZIPInputStream checks the trailer's CRC-32 and length, so a wrong one fails here. */
  private static byte[] gunzip(byte[] member) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(member))) {
      return in.readAllBytes();
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
    ByteBuffer all = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      all.put(part);
    }
    return all.array();
  }

  @Test
  void wrapsTheCachedBlocksBetweenThePrefixAndTheSuffix() throws IOException {
    byte[] digits = randomDigits(70_000, 1);
    var parts = new BodyParts(PREFIX, ByteBuffer.wrap(digits), SUFFIX);

    WireBody body = GzipMember.deflated(parts, syncFlushed(digits, Deflater.HUFFMAN_ONLY));

    assertThat(gunzip(bytesOf(body))).isEqualTo(concat(PREFIX, digits, SUFFIX));
    assertThat(body.length()).isEqualTo(bytesOf(body).length).isLessThan(digits.length / 2);
  }

  @Test
  void wrapsBlocksOfAnyDeflateStrategy() throws IOException {
    byte[] digits = "1234567890".repeat(500).getBytes(StandardCharsets.US_ASCII);
    var parts = new BodyParts(PREFIX, ByteBuffer.wrap(digits), SUFFIX);

    WireBody body = GzipMember.deflated(parts, syncFlushed(digits, Deflater.DEFAULT_STRATEGY));

    assertThat(gunzip(bytesOf(body))).isEqualTo(concat(PREFIX, digits, SUFFIX));
  }

  @Test
  void handlesAnEmptyPrefixAndSuffix() throws IOException {
    byte[] digits = randomDigits(5_000, 2);
    var parts = new BodyParts(new byte[0], ByteBuffer.wrap(digits), new byte[0]);

    assertThat(
            gunzip(bytesOf(GzipMember.deflated(parts, syncFlushed(digits, Deflater.HUFFMAN_ONLY)))))
        .isEqualTo(digits);
    assertThat(gunzip(bytesOf(GzipMember.stored(parts)))).isEqualTo(digits);
  }

  @Test
  void storesAValueInBlocksOfAtMost64KiB() throws IOException {
    byte[] digits = randomDigits(200_000, 3);
    var parts = new BodyParts(PREFIX, ByteBuffer.wrap(digits), SUFFIX);

    WireBody body = GzipMember.stored(parts);

    assertThat(gunzip(bytesOf(body))).isEqualTo(concat(PREFIX, digits, SUFFIX));
    assertThat(body.length()).isGreaterThan(parts.length());
  }

  @Test
  void putsTheFramingOfADirectGzipMemberInTwoBuffers() throws IOException {
    byte[] digits = randomDigits(3_000, 6);
    EncodedBody heapBlocks = syncFlushed(digits, Deflater.HUFFMAN_ONLY);
    ByteBuffer blocks =
        ByteBuffer.allocateDirect(heapBlocks.body().remaining()).put(heapBlocks.body()).flip();
    var encoded =
        new EncodedBody(ContentCoding.GZIP, blocks, digits.length, heapBlocks.digitsCrc32());
    var parts = new BodyParts(PREFIX, ByteBuffer.wrap(digits), SUFFIX);

    ByteBuf member = GzipMember.deflated(parts, encoded).toByteBuf();

    assertThat(member.isDirect()).isTrue();
    assertThat(((io.netty.buffer.CompositeByteBuf) member).numComponents()).isEqualTo(3);
    byte[] bytes = new byte[member.readableBytes()];
    member.readBytes(bytes);
    member.release();
    assertThat(gunzip(bytes)).isEqualTo(concat(PREFIX, digits, SUFFIX));
  }

  @Test
  void givesTheSameBytesEveryTime() {
    byte[] digits = randomDigits(3_000, 4);
    var parts = new BodyParts(PREFIX, ByteBuffer.wrap(digits), SUFFIX);
    EncodedBody encoded = syncFlushed(digits, Deflater.HUFFMAN_ONLY);

    assertThat(bytesOf(GzipMember.deflated(parts, encoded)))
        .isEqualTo(bytesOf(GzipMember.deflated(parts, encoded)));
  }

  @Test
  void writesEveryBodyFromDirectBuffersOnly() {
    byte[] digits = randomDigits(2_000, 5);
    ByteBuffer direct = ByteBuffer.allocateDirect(digits.length).put(digits).flip();

    ByteBuf heap =
        WireBody.identity(new BodyParts(PREFIX, ByteBuffer.wrap(digits), SUFFIX)).toByteBuf();
    ByteBuf offHeap = WireBody.identity(new BodyParts(PREFIX, direct, SUFFIX)).toByteBuf();

    assertThat(heap.isDirect()).isTrue();
    assertThat(heap.nioBufferCount()).isEqualTo(1);
    assertThat(offHeap.isDirect()).isTrue();
    assertThat(bytesOf(WireBody.identity(new BodyParts(PREFIX, direct, SUFFIX))))
        .isEqualTo(concat(PREFIX, digits, SUFFIX));
    heap.release();
    offHeap.release();
  }
}
