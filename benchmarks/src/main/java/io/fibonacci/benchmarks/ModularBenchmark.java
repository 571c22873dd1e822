package io.fibonacci.benchmarks;

import io.fibonacci.domain.calculator.DoublingFibonacciCalculator;
import io.fibonacci.domain.calculator.ModularFibonacciCalculator;
import io.fibonacci.domain.calculator.PisanoPeriodCalculator;
import io.fibonacci.domain.model.modular.LargePosition;
import io.fibonacci.domain.model.modular.Modulus;
import io.fibonacci.domain.model.modular.PisanoModulus;
import java.math.BigInteger;
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
 * F(n) mod m by modular fast doubling, beside the baseline of computing F(n) in full and reducing
 * it (where F(n) can be computed at all), and Pisano periods. The timings set the inline thresholds
 * and the token costs of the modular routes (infrastructure's {@code ModularFactory}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ModularBenchmark {

  /** n and m: F(10^18) mod 10^9+7, 1,000-digit operands, and an n small enough for F(n). */
  @State(Scope.Benchmark)
  public static class Operands {
    @Param({
      "1e18:1e9+7",
      "1000digits:1e9+7",
      "1000digits:1000digits",
      "1e6:1e9+7",
      "1e6:1000digits"
    })
    String operands = "1e18:1e9+7"; // set by JMH from @Param

    LargePosition n;
    Modulus m;

    @Setup
    public void setUp() {
      String[] parts = operands.split(":");
      n = new LargePosition(value(parts[0]));
      m = new Modulus(value(parts[1]));
    }
  }

  /** The operands whose F(n) can be computed in full, for the baseline. */
  @State(Scope.Benchmark)
  public static class ComputableOperands {
    @Param({"1e6:1e9+7", "1e6:1000digits"})
    String operands = "1e6:1e9+7"; // set by JMH from @Param

    int n;
    BigInteger m;

    @Setup
    public void setUp() {
      String[] parts = operands.split(":");
      n = value(parts[0]).intValueExact();
      m = value(parts[1]);
    }
  }

  /** m for π(m): the largest answered inline, the slowest (a prime), the largest. */
  @State(Scope.Benchmark)
  public static class PisanoInputs {
    @Param({"100000000", "999999999989", "1000000000000"})
    long m;

    PisanoModulus modulus;

    @Setup
    public void setUp() {
      modulus = new PisanoModulus(m);
    }
  }

  static BigInteger value(String name) {
    return switch (name) {
      case "1e18" -> BigInteger.TEN.pow(18);
      case "1e6" -> BigInteger.TEN.pow(6);
      case "1e9+7" -> BigInteger.valueOf(1_000_000_007);
      case "1000digits" -> BigInteger.TEN.pow(999).add(BigInteger.valueOf(7));
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Benchmark
  public BigInteger modularDoubling(Operands operands) {
    return ModularFibonacciCalculator.compute(operands.n, operands.m);
  }

  /** The baseline: the full F(n) by BigInteger doubling, then one reduction. */
  @Benchmark
  public BigInteger fullThenReduced(ComputableOperands operands) {
    return DoublingFibonacciCalculator.valueAt(operands.n).mod(operands.m);
  }

  @Benchmark
  public long pisanoPeriod(PisanoInputs inputs) {
    return PisanoPeriodCalculator.compute(inputs.modulus);
  }
}
