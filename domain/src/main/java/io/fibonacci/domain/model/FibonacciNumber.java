package io.fibonacci.domain.model;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * F(n) for one position, held as its decimal digits in ASCII: the decimal string is the product the
 * service sells, so it is computed once and shared without copies (see {@link #digits()}).
 */
public final class FibonacciNumber {

  private final Position position;
  private final byte[] ascii;

  private FibonacciNumber(Position position, byte[] ascii) {
    this.position = position;
    this.ascii = ascii;
  }

  /**
   * Wraps decimal digits without copying them; the caller hands the array over and must not touch
   * it again.
   *
   * @throws IllegalArgumentException if the bytes are not a canonical non-negative decimal number
   */
  public static FibonacciNumber ofAsciiDigits(Position position, byte[] ascii) {
    requireCanonicalDecimal(ascii);
    return new FibonacciNumber(position, ascii);
  }

  public static FibonacciNumber of(Position position, String decimal) {
    return ofAsciiDigits(position, decimal.getBytes(StandardCharsets.US_ASCII));
  }

  public static FibonacciNumber of(Position position, BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a Fibonacci number is non-negative");
    }
    return of(position, value.toString());
  }

  public Position position() {
    return position;
  }

  /** The number of decimal digits of the value. */
  public int digitCount() {
    return ascii.length;
  }

  /** A read-only view of the ASCII decimal digits, positioned at 0; creating it copies nothing. */
  public ByteBuffer digits() {
    return ByteBuffer.wrap(ascii).asReadOnlyBuffer();
  }

  /** The decimal value as a new string (copies the digits; meant for small values and tests). */
  public String decimal() {
    return new String(ascii, StandardCharsets.US_ASCII);
  }

  public BigInteger toBigInteger() {
    return new BigInteger(decimal());
  }

  /** Approximate heap footprint, for caches bounded by bytes. */
  public long retainedBytes() {
    return 64L + ascii.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FibonacciNumber that
        && position.equals(that.position)
        && Arrays.equals(ascii, that.ascii);
  }

  @Override
  public int hashCode() {
    return position.hashCode();
  }

  @Override
  public String toString() {
    return ascii.length <= 40
        ? "F(" + position + ")=" + decimal()
        : "F(" + position + ")=<" + ascii.length + " digits>";
  }

  private static void requireCanonicalDecimal(byte[] ascii) {
    if (ascii.length == 0) {
      throw new IllegalArgumentException("a decimal number has at least one digit");
    }
    if (ascii.length > 1 && ascii[0] == '0') {
      throw new IllegalArgumentException("a decimal number has no leading zero");
    }
    for (byte b : ascii) {
      if (b < '0' || b > '9') {
        throw new IllegalArgumentException("a decimal number has ASCII digits only");
      }
    }
  }
}
