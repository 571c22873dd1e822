package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.modular.PisanoModulus;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Pisano period π(m), the period of F mod m, for 1 <= m <= 10^12, from known results:
 *
 * <ul>
 *   <li>π is multiplicative over coprime factors: π(ab) = lcm(π(a), π(b)) for gcd(a, b) = 1 (the
 *       Chinese remainder theorem), so m is factored (trial division, at most 10^6 candidates).
 *   <li>π(2) = 3 and π(5) = 20. For any other prime p, π(p) divides p - 1 when p = ±1 (mod 5), and
 *       2(p + 1) when p = ±2 (mod 5) (quadratic reciprocity on the roots of x^2 - x - 1 modulo p):
 *       starting from that bound, every prime factor is divided out while what remains is still a
 *       period, which leaves the least one.
 *   <li>π(p^k) = p^j π(p) for some 0 <= j <= k - 1 (π(p^k) is a multiple of π(p) and divides
 *       p^(k-1) π(p)): the least j whose candidate is a period modulo p^k is taken, so the answer
 *       does not rely on Wall's conjecture (π(p^2) != π(p)).
 * </ul>
 *
 * The result is checked against the definition, F(π) = 0 and F(π + 1) = 1 modulo m, before it is
 * returned.
 */
public final class PisanoPeriodCalculator {

  private PisanoPeriodCalculator() {}

  /**
   * The work of {@link #compute} in trial divisions: factoring m and then p - 1 or 2(p + 1) for its
   * largest prime p each take up to about √m of them.
   */
  public static long work(PisanoModulus modulus) {
    return 2 * (long) Math.sqrt((double) modulus.value());
  }

  /** π(m). */
  public static long compute(PisanoModulus modulus) {
    long m = modulus.value();
    long period = 1;
    for (Map.Entry<Long, Integer> power : factor(m).entrySet()) {
      period = lcm(period, primePowerPeriod(power.getKey(), power.getValue()));
    }
    if (!ModularFibonacciCalculator.isPeriod(BigInteger.valueOf(period), BigInteger.valueOf(m))) {
      throw new IllegalStateException("the period found for " + m + " fails its check: " + period);
    }
    return period;
  }

  private static long primePowerPeriod(long p, int exponent) {
    long base = primePeriod(p);
    if (exponent == 1) {
      return base;
    }
    BigInteger modulus = BigInteger.valueOf(p).pow(exponent);
    long candidate = base;
    for (int j = 0; j < exponent; j++) {
      if (ModularFibonacciCalculator.isPeriod(BigInteger.valueOf(candidate), modulus)) {
        return candidate;
      }
      candidate = Math.multiplyExact(candidate, p);
    }
    throw new IllegalStateException("no period p^j pi(p) found modulo " + p + "^" + exponent);
  }

  /** π(p) for a prime p: the least period among the divisors of its bound. */
  static long primePeriod(long p) {
    if (p == 2) {
      return 3;
    }
    if (p == 5) {
      return 20;
    }
    long residue = p % 5;
    long period = residue == 1 || residue == 4 ? p - 1 : 2 * (p + 1);
    BigInteger modulus = BigInteger.valueOf(p);
    for (long q : factor(period).keySet()) {
      while (period % q == 0
          && ModularFibonacciCalculator.isPeriod(BigInteger.valueOf(period / q), modulus)) {
        period /= q;
      }
    }
    return period;
  }

  /** The prime factors of n >= 1 with their exponents, by trial division up to sqrt(n). */
  static Map<Long, Integer> factor(long n) {
    Map<Long, Integer> factors = new TreeMap<>();
    long rest = n;
    for (long d = 2; d * d <= rest; d += d == 2 ? 1 : 2) {
      while (rest % d == 0) {
        factors.merge(d, 1, Integer::sum);
        rest /= d;
      }
    }
    if (rest > 1) {
      factors.merge(rest, 1, Integer::sum);
    }
    return factors;
  }

  private static long lcm(long a, long b) {
    return Math.multiplyExact(a / gcd(a, b), b);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
