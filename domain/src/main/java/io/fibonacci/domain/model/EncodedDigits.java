package io.fibonacci.domain.model;

import io.fibonacci.shared.ContentCoding;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The digits of one value in a content coding, computed once and shared by every response.
 *
 * <p>For {@link ContentCoding#GZIP} the body is raw deflate blocks (RFC 1951), none of them final,
 * ending on a byte boundary: a response wraps them in its own gzip member, with the bytes of its
 * representation before and after them as further blocks, and so serves every representation of the
 * value from this one compression.
 *
 * @param coding the coding of {@code body}
 * @param body read-only, positioned at 0 (shared, never copied)
 * @param digitCount the length of the digits before encoding
 * @param digitsCrc32 the CRC-32 of the digits before encoding, as gzip's trailer needs it
 */
public record EncodedDigits(
    ContentCoding coding, ByteBuffer body, int digitCount, int digitsCrc32) {

  public EncodedDigits {
    Objects.requireNonNull(coding, "coding");
    Objects.requireNonNull(body, "body");
  }

  /** A fresh read-only view of the body, so each reader has its own position. */
  @Override
  public ByteBuffer body() {
    return body.asReadOnlyBuffer();
  }

  /** The encoded length in bytes. */
  public int length() {
    return body.remaining();
  }

  /** Approximate footprint, for caches bounded by bytes. */
  public long retainedBytes() {
    return 64L + body.capacity();
  }
}
