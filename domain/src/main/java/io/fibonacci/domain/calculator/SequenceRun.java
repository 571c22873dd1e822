package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.sequence.SequenceOrder;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Consecutive Fibonacci numbers by addition from two known ones, as ASCII decimal digits, one per
 * {@link #next()}: upwards F(k + 2) = F(k) + F(k + 1), downwards F(k - 1) = F(k + 1) - F(k).
 *
 * <p>The arithmetic is decimal, in limbs of 18 digits: reading the two known values' digits, each
 * addition and writing each value's digits are linear in its length. {@link java.math.BigInteger}
 * would need a binary-to-decimal conversion per value (0.4 s for F(10^6)) and a quadratic parse of
 * the first two; apfloat's radix-10 integers would do, at the price of its per-thread context for
 * every row. Nothing else here is hand-written arithmetic.
 */
public final class SequenceRun {

  private static final long BASE = 1_000_000_000_000_000_000L;
  private static final int LIMB_DIGITS = 18;

  private final boolean ascending;
  private long[] current;
  private long[] following;
  private boolean started;

  /**
   * @param first F(start)
   * @param neighbour F(start + 1) for an ascending run, F(start - 1) for a descending one (F(1)
   *     when a descending run starts at 0: it is never used)
   */
  public SequenceRun(FibonacciNumber first, FibonacciNumber neighbour, SequenceOrder order) {
    this.ascending = order == SequenceOrder.ASC;
    this.current = limbs(first.digits());
    this.following = limbs(neighbour.digits());
  }

  /**
   * The ASCII digits of the next value of the run: F(start) first. The run moves on only when the
   * next value is asked for, so a descending run ending at F(0) never computes below it.
   */
  public byte[] next() {
    if (started) {
      long[] after = ascending ? add(current, following) : subtract(current, following);
      current = following;
      following = after;
    }
    started = true;
    return ascii(current);
  }

  /** Little-endian limbs of 18 decimal digits; zero is one zero limb. */
  static long[] limbs(ByteBuffer digits) {
    int length = digits.remaining();
    int start = digits.position();
    long[] limbs = new long[Math.max(1, (length + LIMB_DIGITS - 1) / LIMB_DIGITS)];
    for (int i = 0; i < limbs.length; i++) {
      int end = length - i * LIMB_DIGITS;
      int begin = Math.max(0, end - LIMB_DIGITS);
      long limb = 0;
      for (int j = begin; j < end; j++) {
        limb = limb * 10 + (digits.get(start + j) - '0');
      }
      limbs[i] = limb;
    }
    return limbs;
  }

  static byte[] ascii(long[] limbs) {
    int top = limbs.length - 1;
    String head = Long.toString(limbs[top]);
    byte[] digits = new byte[head.length() + top * LIMB_DIGITS];
    for (int i = 0; i < head.length(); i++) {
      digits[i] = (byte) head.charAt(i);
    }
    int at = head.length();
    for (int limb = top - 1; limb >= 0; limb--) {
      long value = limbs[limb];
      for (int j = LIMB_DIGITS - 1; j >= 0; j--) {
        digits[at + j] = (byte) ('0' + value % 10);
        value /= 10;
      }
      at += LIMB_DIGITS;
    }
    return digits;
  }

  static long[] add(long[] a, long[] b) {
    long[] longer = a.length >= b.length ? a : b;
    long[] shorter = longer == a ? b : a;
    long[] sum = new long[longer.length + 1];
    long carry = 0;
    for (int i = 0; i < longer.length; i++) {
      long s = longer[i] + (i < shorter.length ? shorter[i] : 0) + carry;
      carry = s >= BASE ? 1 : 0;
      sum[i] = s - carry * BASE;
    }
    sum[longer.length] = carry;
    return trimmed(sum);
  }

  /** a - b for a >= b. */
  static long[] subtract(long[] a, long[] b) {
    long[] difference = new long[a.length];
    long borrow = 0;
    for (int i = 0; i < a.length; i++) {
      long d = a[i] - (i < b.length ? b[i] : 0) - borrow;
      borrow = d < 0 ? 1 : 0;
      difference[i] = d + borrow * BASE;
    }
    if (borrow != 0) {
      throw new IllegalStateException("a descending run went below F(0)");
    }
    return trimmed(difference);
  }

  private static long[] trimmed(long[] limbs) {
    int length = limbs.length;
    while (length > 1 && limbs[length - 1] == 0) {
      length--;
    }
    return length == limbs.length ? limbs : Arrays.copyOf(limbs, length);
  }
}
