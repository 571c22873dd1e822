package io.fibonacci.application.port.in;

import io.fibonacci.shared.ContentCoding;
import java.nio.ByteBuffer;

/**
 * A value's digits in a content coding, as a caller receives them: made once and shared by every
 * response, never copied.
 *
 * <p>For {@link ContentCoding#GZIP} the body is raw deflate blocks (RFC 1951), none of them final,
 * ending on a byte boundary, so a response can wrap them in its own gzip member with the bytes of
 * its representation before and after them.
 *
 * <p>Built by the use case from the domain's encoded digits, which check their own invariants.
 *
 * @param coding the coding of {@code body}
 * @param body read-only, positioned at 0
 * @param digitCount the length of the digits before encoding
 * @param digitsCrc32 the CRC-32 of the digits before encoding, as gzip's trailer needs it
 */
public record EncodedBody(ContentCoding coding, ByteBuffer body, int digitCount, int digitsCrc32) {

  /** A fresh read-only view of the body, so each reader has its own position. */
  @Override
  public ByteBuffer body() {
    return body.asReadOnlyBuffer();
  }
}
