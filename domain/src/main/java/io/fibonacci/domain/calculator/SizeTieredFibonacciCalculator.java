package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;

/**
 * Picks the fastest calculator for the size of n: the table up to F(92), {@link
 * java.math.BigInteger} doubling for the middle range, and radix-10 apfloat from the point where
 * skipping the binary to decimal conversion pays for its heavier arithmetic.
 */
public final class SizeTieredFibonacciCalculator implements FibonacciCalculator {

  /**
   * The table answers everything it holds: a lookup beats computing even F(93) (see the benchmarks,
   * {@code CalculatorBenchmark}).
   */
  public static final int TABLE_UP_TO = TableFibonacciCalculator.MAX_POSITION;

  /**
   * Where apfloat overtakes BigInteger doubling, measured with {@code CalculatorBenchmark} (JMH,
   * average time per F(n) including its decimal digits, JDK 25, 2 shared cores): doubling wins at n
   * = 10^5 (about 3.0 ms against 4.6 ms), the two are level at 2 * 10^5 (8.2 ms against 9.3 ms),
   * and apfloat wins from there on, by 2.4 times at 5 * 10^5 and 6 times at 10^6.
   */
  public static final int APFLOAT_FROM = 200_000;

  private final int tableUpTo;
  private final int apfloatFrom;
  private final TableFibonacciCalculator table = new TableFibonacciCalculator();
  private final DoublingFibonacciCalculator doubling = new DoublingFibonacciCalculator();
  private final ApfloatFibonacciCalculator apfloat = new ApfloatFibonacciCalculator();

  /** The measured thresholds: {@link #TABLE_UP_TO} and {@link #APFLOAT_FROM}. */
  public SizeTieredFibonacciCalculator() {
    this(TABLE_UP_TO, APFLOAT_FROM);
  }

  /**
   * @param tableUpTo the largest position answered from the table, at most {@link
   *     TableFibonacciCalculator#MAX_POSITION}; -1 to never use it
   * @param apfloatFrom the smallest position computed with apfloat; positions between the two go to
   *     BigInteger doubling
   */
  public SizeTieredFibonacciCalculator(int tableUpTo, int apfloatFrom) {
    if (tableUpTo < -1 || tableUpTo > TableFibonacciCalculator.MAX_POSITION) {
      throw new IllegalArgumentException(
          "the table covers positions up to "
              + TableFibonacciCalculator.MAX_POSITION
              + ", got "
              + tableUpTo);
    }
    if (apfloatFrom <= tableUpTo) {
      throw new IllegalArgumentException(
          "apfloat starts above the table, got table up to "
              + tableUpTo
              + " and apfloat from "
              + apfloatFrom);
    }
    this.tableUpTo = tableUpTo;
    this.apfloatFrom = apfloatFrom;
  }

  @Override
  public FibonacciNumber compute(Position position) {
    return calculatorFor(position).compute(position);
  }

  @Override
  public FibonacciNumber compute(Position position, ComputationMonitor monitor) {
    return calculatorFor(position).compute(position, monitor);
  }

  FibonacciCalculator calculatorFor(Position position) {
    int n = position.value();
    if (n <= tableUpTo) {
      return table;
    }
    return n < apfloatFrom ? doubling : apfloat;
  }
}
