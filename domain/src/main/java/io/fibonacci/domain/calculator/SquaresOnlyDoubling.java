package io.fibonacci.domain.calculator;

import io.fibonacci.domain.port.ComputationMonitor;
import java.util.concurrent.CancellationException;

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

  /**
   * Each step squares numbers about twice as long as the step before; with multiplication costing
   * about length^1.5 (Toom-Cook and FFT between them), a step costs 2^1.5 = 2.8 times its
   * predecessor. Progress is reported in that work, so the last steps carry most of it.
   */
  private static final double STEP_GROWTH = Math.pow(2, 1.5);

  /** F(n), for any non-negative n; iterative over the bits of n, never recursive. */
  static <T> T valueAt(int n, DoublingArithmetic<T> arithmetic) {
    return valueAt(n, arithmetic, ComputationMonitor.NONE);
  }

  /**
   * F(n), telling {@code monitor} the share of the work done after each step and stopping with a
   * {@link CancellationException} before the next step once the monitor asks to.
   */
  static <T> T valueAt(int n, DoublingArithmetic<T> arithmetic, ComputationMonitor monitor) {
    if (n < 0) {
      throw new IllegalArgumentException("a position is non-negative, got " + n);
    }
    if (n == 0) {
      monitor.progressed(1.0);
      return arithmetic.zero();
    }
    int topBit = 31 - Integer.numberOfLeadingZeros(n);
    WorkMeter work = new WorkMeter(topBit, monitor);
    T previous = arithmetic.zero(); // F(k-1)
    T current = arithmetic.one(); // F(k), starting from k = 1, the top bit of n
    boolean kIsOdd = true;
    for (int bit = topBit - 1; bit > 0; bit--) {
      work.beforeStep();
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
      work.afterStep();
    }
    if (topBit == 0) {
      work.done();
      return current;
    }
    work.beforeStep();
    T value;
    if ((n & 1) == 0) {
      value = arithmetic.multiply(current, arithmetic.add(current, arithmetic.twice(previous)));
    } else {
      T twiceCurrent = arithmetic.twice(current);
      value =
          arithmetic.plusOrMinusTwo(
              arithmetic.multiply(
                  arithmetic.add(twiceCurrent, previous),
                  arithmetic.subtract(twiceCurrent, previous)),
              kIsOdd);
    }
    work.done();
    return value;
  }

  /**
   * The work of the steps: the loop's steps 1 .. topBit - 1 weigh STEP_GROWTH^step (two squarings
   * each), the last one, a single product of the largest operands, half of STEP_GROWTH^topBit.
   */
  private static final class WorkMeter {
    private final ComputationMonitor monitor;
    private final double total;
    private double done;
    private double nextWeight = STEP_GROWTH;

    WorkMeter(int topBit, ComputationMonitor monitor) {
      this.monitor = monitor;
      double loop = 0;
      double weight = STEP_GROWTH;
      for (int step = 1; step < topBit; step++) {
        loop += weight;
        weight *= STEP_GROWTH;
      }
      this.total = loop + weight / 2;
    }

    void beforeStep() {
      if (monitor.cancelled()) {
        throw new CancellationException("cancelled between doubling steps");
      }
    }

    void afterStep() {
      done += nextWeight;
      nextWeight *= STEP_GROWTH;
      monitor.progressed(Math.min(1.0, done / total));
    }

    void done() {
      monitor.progressed(1.0);
    }
  }
}
