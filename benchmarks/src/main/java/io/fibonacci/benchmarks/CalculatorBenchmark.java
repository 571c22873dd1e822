package io.fibonacci.benchmarks;

import io.fibonacci.domain.calculator.ApfloatFibonacciCalculator;
import io.fibonacci.domain.calculator.DoublingFibonacciCalculator;
import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.calculator.TableFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to compute F(n) as decimal digits, the product the service sells, for each calculator over
 * the positions where it applies: the table up to F(92), the quadratic loop up to 10^5, the others
 * up to 10^7. Each calculator has its own set of positions, so no run is wasted on an inapplicable
 * pair; {@code -p n=...} on the command line replaces them all.
 *
 * <p>Run with {@code scripts/bench-jmh}; the crossovers it measures set the thresholds of {@link
 * SizeTieredFibonacciCalculator}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CalculatorBenchmark {

  private final TableFibonacciCalculator table = new TableFibonacciCalculator();
  private final IterativeFibonacciCalculator iterative = new IterativeFibonacciCalculator();
  private final DoublingFibonacciCalculator doubling = new DoublingFibonacciCalculator();
  private final ApfloatFibonacciCalculator apfloat = new ApfloatFibonacciCalculator();
  private final SizeTieredFibonacciCalculator tiered = new SizeTieredFibonacciCalculator();

  /** Positions whose value fits in a long. */
  @State(Scope.Benchmark)
  public static class TablePositions {
    @Param({"10", "92"})
    int n;

    Position position;

    @Setup
    public void setUp() {
      position = Position.of(n);
    }
  }

  /** Positions where the quadratic loop still finishes in reasonable time. */
  @State(Scope.Benchmark)
  public static class LoopPositions {
    @Param({"10", "92", "1000", "10000", "100000"})
    int n;

    Position position;

    @Setup
    public void setUp() {
      position = Position.of(n);
    }
  }

  /** Every position of the benchmark. */
  @State(Scope.Benchmark)
  public static class AllPositions {
    @Param({"10", "92", "1000", "10000", "100000", "1000000", "10000000"})
    int n;

    Position position;

    @Setup
    public void setUp() {
      position = Position.of(n);
    }
  }

  @Benchmark
  public FibonacciNumber table(TablePositions positions) {
    return table.compute(positions.position);
  }

  @Benchmark
  public FibonacciNumber iterative(LoopPositions positions) {
    return iterative.compute(positions.position);
  }

  @Benchmark
  public FibonacciNumber doubling(AllPositions positions) {
    return doubling.compute(positions.position);
  }

  @Benchmark
  public FibonacciNumber apfloat(AllPositions positions) {
    return apfloat.compute(positions.position);
  }

  @Benchmark
  public FibonacciNumber tiered(AllPositions positions) {
    return tiered.compute(positions.position);
  }
}
