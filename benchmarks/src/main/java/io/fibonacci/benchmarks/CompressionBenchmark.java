package io.fibonacci.benchmarks;

import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.model.Position;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to deflate the decimal digits of F(n) once, as the service does for each cached value it
 * offers in gzip, with three settings of {@link Deflater}: Huffman coding only (what the service
 * uses), and levels 1 and 6 with the default strategy, which also search for repeated strings. All
 * three write raw deflate blocks (no zlib wrapper) ended by a sync flush into a byte array large
 * enough for any outcome, so only the compressor is timed.
 *
 * <p>The sizes do not depend on timing: {@link #main} prints each setting's compressed size as a
 * share of the digits, which {@code scripts/bench-jmh} shows beside the times. Ten equally likely
 * digits cannot go below log2(10) / 8 = 41.5 %.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompressionBenchmark {

  /** The settings compared, by the names of the benchmark methods. */
  enum Setting {
    huffmanOnly(Deflater.BEST_SPEED, Deflater.HUFFMAN_ONLY),
    level1(1, Deflater.DEFAULT_STRATEGY),
    level6(6, Deflater.DEFAULT_STRATEGY);

    final int level;
    final int strategy;

    Setting(int level, int strategy) {
      this.level = level;
      this.strategy = strategy;
    }

    /** A raw deflater with this setting; the caller ends it. */
    Deflater deflater() {
      Deflater deflater = new Deflater(level, true);
      deflater.setStrategy(strategy);
      return deflater;
    }
  }

  @Param({"100000", "1000000", "10000000"})
  int n;

  private byte[] digits;
  private byte[] out;
  private Deflater huffmanOnly;
  private Deflater level1;
  private Deflater level6;

  @Setup(Level.Trial)
  public void setUp() {
    digits = digitsOf(n);
    out = new byte[capacityFor(digits.length)];
    huffmanOnly = Setting.huffmanOnly.deflater();
    level1 = Setting.level1.deflater();
    level6 = Setting.level6.deflater();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    huffmanOnly.end();
    level1.end();
    level6.end();
  }

  @Benchmark
  public int huffmanOnly() {
    return deflate(huffmanOnly, digits, out);
  }

  @Benchmark
  public int level1() {
    return deflate(level1, digits, out);
  }

  @Benchmark
  public int level6() {
    return deflate(level6, digits, out);
  }

  /**
   * Prints, for each setting and each n of the benchmark (or those given as arguments), the digit
   * count, the compressed size and their ratio, tab separated with a header line.
   */
  public static void main(String[] args) {
    String[] positions = args.length > 0 ? args : new String[] {"100000", "1000000", "10000000"};
    System.out.println("strategy\tn\tdigits\tcompressed\tratio");
    for (String position : positions) {
      int n = Integer.parseInt(position);
      byte[] digits = digitsOf(n);
      byte[] out = new byte[capacityFor(digits.length)];
      for (Setting setting : Setting.values()) {
        Deflater deflater = setting.deflater();
        try {
          int size = deflate(deflater, digits, out);
          System.out.printf(
              Locale.ROOT,
              "%s\t%d\t%d\t%d\t%.4f%n",
              setting,
              n,
              digits.length,
              size,
              (double) size / digits.length);
        } finally {
          deflater.end();
        }
      }
    }
  }

  /** The ASCII digits of F(n), computed as the service computes them. */
  static byte[] digitsOf(int n) {
    ByteBuffer ascii = new SizeTieredFibonacciCalculator().compute(Position.of(n)).digits();
    byte[] digits = new byte[ascii.remaining()];
    ascii.get(digits);
    return digits;
  }

  /**
   * Room for any outcome: incompressible input falls back to stored blocks, 5 bytes of header per
   * block of at least 16 KiB, and the flush adds a few bytes more.
   */
  static int capacityFor(int length) {
    return length + length / 1024 + 1024;
  }

  /** Deflates all of {@code input} into {@code out} and returns the size written. */
  static int deflate(Deflater deflater, byte[] input, byte[] out) {
    deflater.reset();
    deflater.setInput(input);
    int written = 0;
    while (true) {
      int space = out.length - written;
      if (space == 0) {
        throw new IllegalStateException("the output array is too small");
      }
      int count = deflater.deflate(out, written, space, Deflater.SYNC_FLUSH);
      written += count;
      // done once all input is taken and the flush fit in the space left
      if (deflater.needsInput() && count < space) {
        return written;
      }
    }
  }
}
