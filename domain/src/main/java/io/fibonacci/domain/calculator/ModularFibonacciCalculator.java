package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.modular.LargePosition;
import io.fibonacci.domain.model.modular.Modulus;
import java.math.BigInteger;

/**
 * F(n) mod m by fast doubling in modular arithmetic: one step per bit of n, each a few products of
 * numbers below m, so the full F(n) is never formed. From F(k) and F(k+1):
 *
 * <pre>
 *   F(2k)     = F(k) (2 F(k+1) - F(k))
 *   F(2k + 1) = F(k)^2 + F(k+1)^2
 * </pre>
 *
 * A modulus below 2^31 runs on {@code long}s (every product fits in 63 bits); larger ones on {@link
 * BigInteger}.
 */
public final class ModularFibonacciCalculator {

  /** Moduli below this run on longs: the product of two residues stays below 2^62. */
  private static final long LONG_LIMIT = 1L << 31;

  private static final BigInteger LONG_LIMIT_BIG = BigInteger.valueOf(LONG_LIMIT);

  private ModularFibonacciCalculator() {}

  /** F(n) mod m. */
  public static BigInteger compute(LargePosition n, Modulus m) {
    return pair(n.value(), m.value())[0];
  }

  /**
   * The work of {@link #compute} in units of one 32-bit word product: the bits of n times the
   * square of m's words (schoolbook products; larger moduli only do better). What decides whether
   * the answer is cheap enough for the caller's thread and what it costs in rate-limit tokens.
   */
  public static long work(LargePosition n, Modulus m) {
    long words = (m.value().bitLength() + 31) / 32;
    return Math.max(1, n.value().bitLength()) * words * words;
  }

  /**
   * Whether {@code k} is a period of F mod m: F(k) = 0 and F(k + 1) = 1 modulo m (for m = 1, every
   * k >= 1 is).
   */
  public static boolean isPeriod(BigInteger k, BigInteger m) {
    BigInteger[] pair = pair(k, m);
    return pair[0].signum() == 0 && pair[1].equals(BigInteger.ONE.mod(m));
  }

  /** {F(n) mod m, F(n + 1) mod m}. */
  static BigInteger[] pair(BigInteger n, BigInteger m) {
    if (m.compareTo(LONG_LIMIT_BIG) < 0) {
      long[] pair = pair(n, m.longValueExact());
      return new BigInteger[] {BigInteger.valueOf(pair[0]), BigInteger.valueOf(pair[1])};
    }
    BigInteger a = BigInteger.ZERO;
    BigInteger b = BigInteger.ONE;
    for (int bit = n.bitLength() - 1; bit >= 0; bit--) {
      BigInteger c = a.multiply(b.shiftLeft(1).subtract(a)).mod(m);
      BigInteger d = a.multiply(a).add(b.multiply(b)).mod(m);
      if (n.testBit(bit)) {
        a = d;
        b = c.add(d).mod(m);
      } else {
        a = c;
        b = d;
      }
    }
    return new BigInteger[] {a, b.mod(m)};
  }

  private static long[] pair(BigInteger n, long m) {
    long a = 0;
    long b = 1 % m;
    for (int bit = n.bitLength() - 1; bit >= 0; bit--) {
      long twiceBMinusA = Math.floorMod(2 * b - a, m);
      long c = a * twiceBMinusA % m;
      long d = (a * a + b * b) % m;
      if (n.testBit(bit)) {
        a = d;
        b = (c + d) % m;
      } else {
        a = c;
        b = d;
      }
    }
    return new long[] {a, b};
  }
}
