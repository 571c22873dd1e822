package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.math.BigInteger;

/**
 * Fast doubling with {@link BigInteger}: O(log n) steps, each costing two squarings (see {@link
 * SquaresOnlyDoubling} for the identities).
 *
 * <p>The arithmetic is fast; for very large n the cost is dominated by {@link
 * BigInteger#toString()}, which {@link ApfloatFibonacciCalculator} avoids by computing in radix 10.
 */
public final class DoublingFibonacciCalculator implements FibonacciCalculator {

  private static final BigInteger TWO = BigInteger.TWO;

  @Override
  public FibonacciNumber compute(Position position) {
    return FibonacciNumber.of(position, valueAt(position.value()));
  }

  @Override
  public FibonacciNumber compute(Position position, ComputationMonitor monitor) {
    return FibonacciNumber.of(
        position,
        SquaresOnlyDoubling.valueAt(position.value(), BigIntegerArithmetic.INSTANCE, monitor));
  }

  /** F(n), for any non-negative n. */
  public static BigInteger valueAt(int n) {
    return SquaresOnlyDoubling.valueAt(n, BigIntegerArithmetic.INSTANCE);
  }

  private enum BigIntegerArithmetic implements DoublingArithmetic<BigInteger> {
    INSTANCE;

    @Override
    public BigInteger zero() {
      return BigInteger.ZERO;
    }

    @Override
    public BigInteger one() {
      return BigInteger.ONE;
    }

    @Override
    public BigInteger multiply(BigInteger left, BigInteger right) {
      return left.multiply(right);
    }

    @Override
    public BigInteger add(BigInteger left, BigInteger right) {
      return left.add(right);
    }

    @Override
    public BigInteger subtract(BigInteger left, BigInteger right) {
      return left.subtract(right);
    }

    @Override
    public BigInteger twice(BigInteger value) {
      return value.shiftLeft(1);
    }

    @Override
    public BigInteger quadruple(BigInteger value) {
      return value.shiftLeft(2);
    }

    @Override
    public BigInteger plusOrMinusTwo(BigInteger value, boolean minus) {
      return minus ? value.subtract(TWO) : value.add(TWO);
    }
  }
}
