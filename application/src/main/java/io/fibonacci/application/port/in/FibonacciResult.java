package io.fibonacci.application.port.in;

import io.fibonacci.shared.Nullable;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * F(n) as delivered to a client.
 *
 * @param position n
 * @param digits read-only view of the ASCII decimal digits (shared, never copied)
 * @param digitCount the number of decimal digits
 * @param cost the tokens this request cost
 * @param rateLimit the client's quotas after this request
 * @param encoded the digits in the coding the query asked for, or null when the value has no such
 *     form (it is small, or its encoding could not be made now)
 */
public record FibonacciResult(
    int position,
    ByteBuffer digits,
    int digitCount,
    long cost,
    RateLimitStatus rateLimit,
    @Nullable EncodedBody encoded) {

  /** A result with the digits only. */
  public FibonacciResult(
      int position, ByteBuffer digits, int digitCount, long cost, RateLimitStatus rateLimit) {
    this(position, digits, digitCount, cost, rateLimit, null);
  }

  /** The encoded form the query asked for, when there is one. */
  public Optional<EncodedBody> encodedForm() {
    return Optional.ofNullable(encoded);
  }

  /** A fresh read-only view of the digits, so each reader has its own position. */
  @Override
  public ByteBuffer digits() {
    return digits.duplicate();
  }
}
