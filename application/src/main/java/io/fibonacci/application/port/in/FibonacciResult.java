package io.fibonacci.application.port.in;

import java.nio.ByteBuffer;

/**
 * F(n) as delivered to a client.
 *
 * @param position n
 * @param digits read-only view of the ASCII decimal digits (shared, never copied)
 * @param digitCount the number of decimal digits
 * @param cost the tokens this request cost
 * @param rateLimit the client's quotas after this request
 */
public record FibonacciResult(
    int position, ByteBuffer digits, int digitCount, long cost, RateLimitStatus rateLimit) {

  /** A fresh read-only view of the digits, so each reader has its own position. */
  @Override
  public ByteBuffer digits() {
    return digits.duplicate();
  }
}
