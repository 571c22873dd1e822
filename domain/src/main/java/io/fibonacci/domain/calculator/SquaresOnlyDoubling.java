package io.fibonacci.domain.calculator;

/**
 * Fast doubling with two squarings per bit, for any {@link DoublingArithmetic}.
 *
 * <p>The loop walks the bits of n from the most significant one, keeping the pair (F(k-1), F(k))
 * for the prefix k of n read so far. From the squares A = F(k)² and B = F(k-1)²:
 *
 * <pre>
 *   F(2k-1) = A + B
 *   F(2k+1) = 4A - B + 2(-1)^k
 *   F(2k)   = F(2k+1) - F(2k-1)
 * </pre>
 *
 * and the next pair is (F(2k-1), F(2k)) for a 0 bit or (F(2k), F(2k+1)) for a 1 bit. Squaring is
 * cheaper than a general product, which is why this variant beats the usual F(2k) = F(k)(2F(k+1) -
 * F(k)). The last bit needs only F(n), which takes one multiplication:
 *
 * <pre>
 *   F(2k)   = F(k) (F(k) + 2F(k-1))
 *   F(2k+1) = (2F(k) + F(k-1)) (2F(k) - F(k-1)) + 2(-1)^k
 * </pre>
 */
final class SquaresOnlyDoubling {

  private SquaresOnlyDoubling() {}

  /** F(n), for any non-negative n; iterative over the bits of n, never recursive. */
  static <T> T valueAt(int n, DoublingArithmetic<T> arithmetic) {
    if (n < 0) {
      throw new IllegalArgumentException("a position is non-negative, got " + n);
    }
    if (n == 0) {
      return arithmetic.zero();
    }
    int topBit = 31 - Integer.numberOfLeadingZeros(n);
    T previous = arithmetic.zero(); // F(k-1)
    T current = arithmetic.one(); // F(k), starting from k = 1, the top bit of n
    boolean kIsOdd = true;
    for (int bit = topBit - 1; bit > 0; bit--) {
      T currentSquared = arithmetic.multiply(current, current);
      T previousSquared = arithmetic.multiply(previous, previous);
      T beforeDouble = arithmetic.add(currentSquared, previousSquared);
      T afterDouble =
          arithmetic.plusOrMinusTwo(
              arithmetic.subtract(arithmetic.quadruple(currentSquared), previousSquared), kIsOdd);
      T doubled = arithmetic.subtract(afterDouble, beforeDouble);
      kIsOdd = ((n >>> bit) & 1) == 1;
      if (kIsOdd) {
        previous = doubled;
        current = afterDouble;
      } else {
        previous = beforeDouble;
        current = doubled;
      }
    }
    if (topBit == 0) {
      return current;
    }
    if ((n & 1) == 0) {
      return arithmetic.multiply(current, arithmetic.add(current, arithmetic.twice(previous)));
    }
    T twiceCurrent = arithmetic.twice(current);
    return arithmetic.plusOrMinusTwo(
        arithmetic.multiply(
            arithmetic.add(twiceCurrent, previous), arithmetic.subtract(twiceCurrent, previous)),
        kIsOdd);
  }
}
