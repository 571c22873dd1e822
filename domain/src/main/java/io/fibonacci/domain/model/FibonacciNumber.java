package io.fibonacci.domain.model;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * F(n) for one position, held as its decimal digits in ASCII: the decimal string is the product the
 * service sells, so it is computed once and shared without copies (see {@link #digits()}). The
 * digits live on the heap as computed, or in a direct buffer once {@link #offHeap() moved there}.
 */
public final class FibonacciNumber {

  private final Position position;

  /** Read-only, positioned at 0; heap or direct. */
  private final ByteBuffer ascii;

  private FibonacciNumber(Position position, ByteBuffer ascii) {
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
    return new FibonacciNumber(position, ByteBuffer.wrap(ascii).asReadOnlyBuffer());
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
    return ascii.capacity();
  }

  /** A read-only view of the ASCII decimal digits, positioned at 0; creating it copies nothing. */
  public ByteBuffer digits() {
    return ascii.duplicate();
  }

  /** Whether the digits are held outside the heap. */
  public boolean isOffHeap() {
    return ascii.isDirect();
  }

  /**
   * The same value with its digits in a direct buffer, copied there once: a socket then writes them
   * without the per-write copy into native memory that heap bytes need. Returns this value when it
   * is off the heap already.
   */
  public FibonacciNumber offHeap() {
    if (ascii.isDirect()) {
      return this;
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(ascii.capacity());
    direct.put(ascii.duplicate()).flip();
    return new FibonacciNumber(position, direct.asReadOnlyBuffer());
  }

  /** The decimal value as a new string (copies the digits; meant for small values and tests). */
  public String decimal() {
    byte[] copy = new byte[ascii.capacity()];
    ascii.duplicate().get(copy);
    return new String(copy, StandardCharsets.US_ASCII);
  }

  /** Approximate footprint, heap or direct, for caches bounded by bytes. */
  public long retainedBytes() {
    return 64L + ascii.capacity();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FibonacciNumber that
        && position.equals(that.position)
        && ascii.equals(that.ascii);
  }

  @Override
  public int hashCode() {
    return position.hashCode();
  }

  @Override
  public String toString() {
    return digitCount() <= 40
        ? "F(" + position + ")=" + decimal()
        : "F(" + position + ")=<" + digitCount() + " digits>";
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
