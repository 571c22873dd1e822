package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.index.CandidateValue;
import io.fibonacci.domain.model.index.FibonacciIndex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The position of a value in the sequence, from logarithms: F(n) = round(φ^n / √5), so a value V
 * lies near position x(V) = log_φ(V √5). A value of up to 18 digits is looked up exactly in a table
 * of F(0)..F(92); for a larger one, x(V) is computed from the digit count and the leading 17 digits
 * (an absolute error below 10^-8 for up to millions of digits) and n = round(x(V)) is the only
 * candidate: there x(F(j)) differs from j by less than φ^(-2j) (j >= 88), so V = F(n), or V lies
 * between F(n - 1) and F(n) when it is smaller than F(n), or between F(n) and F(n + 1) when larger.
 * The caller confirms which by comparing V with the exact F(n) ({@link #resolve}).
 */
public final class FibonacciIndexEstimator {

  /** F(0)..F(92): every Fibonacci number a long holds. */
  private static final long[] SMALL = smallValues();

  /** Values of up to this many digits are looked up in the table (F(92) has 19). */
  private static final int TABLE_DIGITS = 18;

  private static final double LOG10_PHI = Math.log10((1 + Math.sqrt(5)) / 2);
  private static final double LOG10_SQRT5 = Math.log10(5) / 2;

  private FibonacciIndexEstimator() {}

  /** The number of decimal digits of F(n). */
  public static int digitCountAt(int n) {
    if (n < SMALL.length) {
      return Long.toString(SMALL[n]).length();
    }
    return (int) Math.floor(n * LOG10_PHI - LOG10_SQRT5) + 1;
  }

  /** The index of a value of at most 18 digits, without computing anything; empty for larger. */
  public static Optional<FibonacciIndex> small(CandidateValue value) {
    if (value.length() > TABLE_DIGITS) {
      return Optional.empty();
    }
    long v = Long.parseLong(value.digits());
    int at = Arrays.binarySearch(SMALL, 1, SMALL.length, v);
    if (v == 0) {
      return Optional.of(new FibonacciIndex.Exact(0));
    }
    if (at >= 0) {
      // 1 is both F(1) and F(2): binary search may land on either; the smaller n is the answer.
      return Optional.of(new FibonacciIndex.Exact(v == 1 ? 1 : at));
    }
    int above = -at - 1;
    return Optional.of(new FibonacciIndex.Between(above - 1, above));
  }

  /** The one position whose exact value decides where a value of more than 18 digits lies. */
  public static long candidate(CandidateValue value) {
    if (value.length() <= TABLE_DIGITS) {
      throw new IllegalArgumentException("a value of up to 18 digits is looked up in the table");
    }
    String digits = value.digits();
    double leading = Double.parseDouble(digits.substring(0, 17)) / 1e16;
    double log10 = (digits.length() - 1) + Math.log10(leading);
    return Math.round((log10 + LOG10_SQRT5) / LOG10_PHI);
  }

  /** Where a value of more than 18 digits lies, given F(n) at n = {@link #candidate}. */
  public static FibonacciIndex resolve(CandidateValue value, FibonacciNumber atCandidate) {
    long n = atCandidate.position().value();
    int comparison = compare(value.digits(), atCandidate.digits());
    if (comparison == 0) {
      return new FibonacciIndex.Exact(n);
    }
    return comparison < 0
        ? new FibonacciIndex.Between(n - 1, n)
        : new FibonacciIndex.Between(n, n + 1);
  }

  /** The sign of a - b for two canonical decimal numbers (no leading zeros). */
  static int compare(String a, ByteBuffer b) {
    if (a.length() != b.remaining()) {
      return Integer.compare(a.length(), b.remaining());
    }
    int start = b.position();
    for (int i = 0; i < a.length(); i++) {
      int c = Integer.compare(a.charAt(i), b.get(start + i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static long[] smallValues() {
    long[] values = new long[93];
    values[1] = 1;
    for (int i = 2; i < values.length; i++) {
      values[i] = values[i - 1] + values[i - 2];
    }
    return values;
  }
}
