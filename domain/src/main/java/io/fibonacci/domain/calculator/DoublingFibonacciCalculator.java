package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.math.BigInteger;

/**
 * Fast doubling with {@link BigInteger}: O(log n) steps, each costing two squarings.
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
 *
 * <p>The arithmetic is fast; for very large n the cost is dominated by {@link
 * BigInteger#toString()}, which {@link ApfloatFibonacciCalculator} avoids by computing in radix 10.
 */
public final class DoublingFibonacciCalculator implements FibonacciCalculator {

  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger MINUS_TWO = BigInteger.TWO.negate();

  @Override
  public FibonacciNumber compute(Position position) {
    return FibonacciNumber.of(position, valueAt(position.value()));
  }

  /** F(n), for any non-negative n. */
  public static BigInteger valueAt(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a position is non-negative, got " + n);
    }
    if (n == 0) {
      return BigInteger.ZERO;
    }
    int topBit = 31 - Integer.numberOfLeadingZeros(n);
    BigInteger previous = BigInteger.ZERO; // F(k-1)
    BigInteger current = BigInteger.ONE; // F(k), starting from k = 1, the top bit of n
    boolean kIsOdd = true;
    for (int bit = topBit - 1; bit > 0; bit--) {
      BigInteger currentSquared = current.multiply(current);
      BigInteger previousSquared = previous.multiply(previous);
      BigInteger beforeDouble = currentSquared.add(previousSquared);
      BigInteger afterDouble =
          currentSquared.shiftLeft(2).subtract(previousSquared).add(kIsOdd ? MINUS_TWO : TWO);
      BigInteger doubled = afterDouble.subtract(beforeDouble);
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
      return current.multiply(current.add(previous.shiftLeft(1)));
    }
    BigInteger twiceCurrent = current.shiftLeft(1);
    return twiceCurrent
        .add(previous)
        .multiply(twiceCurrent.subtract(previous))
        .add(kIsOdd ? MINUS_TWO : TWO);
  }
}
