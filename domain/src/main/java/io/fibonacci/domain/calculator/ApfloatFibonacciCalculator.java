package io.fibonacci.domain.calculator;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.port.ComputationMonitor;
import io.fibonacci.domain.port.FibonacciCalculator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apfloat.ApfloatContext;
import org.apfloat.Apint;
import org.apfloat.spi.FilenameGenerator;

/**
 * The fast doubling of {@link DoublingFibonacciCalculator}, computed with apfloat integers in radix
 * 10. Its multiplication is a number-theoretic transform, and working in radix 10 means the decimal
 * digits are written out directly: there is no base conversion, which is what dominates {@link
 * java.math.BigInteger} for very large n.
 *
 * <p>Every computation runs under this calculator's own {@link ApfloatContext}, installed for the
 * calling thread only and removed afterwards, so the library's global settings stay untouched.
 */
public final class ApfloatFibonacciCalculator implements FibonacciCalculator {

  /**
   * The largest block of memory one computation may allocate. The transforms of a product are the
   * largest blocks: 2 MiB each for the last squaring of F(10^7) (2.09 million digits, 19 to a
   * 64-bit word, padded to 2^18 words). 64 MiB leaves room for positions well beyond 10^8 while
   * still bounding what one computation can take.
   */
  public static final long MAX_MEMORY_BLOCK_BYTES = 64L << 20;

  private static final int RADIX = 10;

  private final ApfloatContext context;

  public ApfloatFibonacciCalculator() {
    this(MAX_MEMORY_BLOCK_BYTES);
  }

  /** With a smaller memory bound, to show in tests what happens when a computation outgrows it. */
  ApfloatFibonacciCalculator(long maxMemoryBlockBytes) {
    this.context = inMemoryContext(maxMemoryBlockBytes);
  }

  /**
   * Apfloat's defaults suit a desktop calculation, not a request on a read-only container:
   *
   * <ul>
   *   <li>numbers above the memory threshold (by default 1/1024 of the heap, a few hundred kB) are
   *       moved to temporary files, and so are transforms above the maximum memory block. Both
   *       limits are raised to {@link #MAX_MEMORY_BLOCK_BYTES}, and the filename generator refuses
   *       to name a file, so a computation that would spill fails loudly instead of writing;
   *   <li>transforms above the shared-memory threshold take one JVM-wide lock, which would
   *       serialize concurrent requests; the threshold is raised so that it never applies, since
   *       our own executor already bounds how many computations (and so how much memory) run at
   *       once;
   *   <li>by default it parallelizes over every processor; one processor keeps each computation on
   *       its calling thread, so the executor alone decides the parallelism.
   * </ul>
   */
  private static ApfloatContext inMemoryContext(long maxMemoryBlockBytes) {
    ApfloatContext context = (ApfloatContext) ApfloatContext.getGlobalContext().clone();
    context.setDefaultRadix(RADIX);
    context.setNumberOfProcessors(1);
    context.setMaxMemoryBlockSize(maxMemoryBlockBytes);
    context.setMemoryThreshold(maxMemoryBlockBytes);
    context.setSharedMemoryTreshold(Long.MAX_VALUE);
    context.setFilenameGenerator(new NoFilenameGenerator(maxMemoryBlockBytes));
    return context;
  }

  /** The settings every computation of this calculator runs with. */
  ApfloatContext context() {
    return context;
  }

  @Override
  public FibonacciNumber compute(Position position) {
    return compute(position, ComputationMonitor.NONE);
  }

  @Override
  public FibonacciNumber compute(Position position, ComputationMonitor monitor) {
    ApfloatContext callersContext = ApfloatContext.getThreadContext();
    ApfloatContext.setThreadContext(context);
    try {
      return FibonacciNumber.ofAsciiDigits(
          position, asciiDigits(valueAt(position.value(), monitor)));
    } finally {
      if (callersContext == null) {
        ApfloatContext.removeThreadContext();
      } else {
        ApfloatContext.setThreadContext(callersContext);
      }
    }
  }

  /** The squares-only doubling ({@link SquaresOnlyDoubling}) in radix-10 integers. */
  private static Apint valueAt(int n, ComputationMonitor monitor) {
    return SquaresOnlyDoubling.valueAt(n, new RadixTenArithmetic(), monitor);
  }

  /** Apfloat integers in radix 10; created per computation, under the calculator's context. */
  private static final class RadixTenArithmetic implements DoublingArithmetic<Apint> {

    private final Apint zero = new Apint(0, RADIX);
    private final Apint one = new Apint(1, RADIX);
    private final Apint two = new Apint(2, RADIX);
    private final Apint four = new Apint(4, RADIX);

    @Override
    public Apint zero() {
      return zero;
    }

    @Override
    public Apint one() {
      return one;
    }

    @Override
    public Apint multiply(Apint left, Apint right) {
      return left.multiply(right);
    }

    @Override
    public Apint add(Apint left, Apint right) {
      return left.add(right);
    }

    @Override
    public Apint subtract(Apint left, Apint right) {
      return left.subtract(right);
    }

    @Override
    public Apint twice(Apint value) {
      return value.add(value);
    }

    @Override
    public Apint quadruple(Apint value) {
      return value.multiply(four);
    }

    @Override
    public Apint plusOrMinusTwo(Apint value, boolean minus) {
      return minus ? value.subtract(two) : value.add(two);
    }
  }

  /** Writes the digits once, straight into the array the result keeps. */
  private static byte[] asciiDigits(Apint value) {
    if (value.signum() == 0) {
      return new byte[] {'0'};
    }
    AsciiWriter writer = new AsciiWriter(Math.toIntExact(value.scale()));
    try {
      value.writeTo(writer, true);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return writer.filled();
  }

  /** A writer into a byte array of known length; the digits are ASCII, one byte each. */
  private static final class AsciiWriter extends Writer {

    private final byte[] ascii;
    private int length;

    AsciiWriter(int capacity) {
      this.ascii = new byte[capacity];
    }

    @Override
    public void write(int c) {
      ascii[length++] = (byte) c;
    }

    @Override
    public void write(char[] chars, int offset, int count) {
      for (int i = 0; i < count; i++) {
        ascii[length++] = (byte) chars[offset + i];
      }
    }

    @Override
    public void write(String text, int offset, int count) {
      for (int i = 0; i < count; i++) {
        ascii[length++] = (byte) text.charAt(offset + i);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    byte[] filled() {
      if (length != ascii.length) {
        throw new IllegalStateException(
            "expected " + ascii.length + " digits, apfloat wrote " + length);
      }
      return ascii;
    }
  }

  /** Refuses to name a temporary file: the service's filesystem is read-only, so none may exist. */
  private static final class NoFilenameGenerator extends FilenameGenerator {

    private final long maxMemoryBlockBytes;

    NoFilenameGenerator(long maxMemoryBlockBytes) {
      super("", "0", ".ap");
      this.maxMemoryBlockBytes = maxMemoryBlockBytes;
    }

    @Override
    public synchronized String generateFilename() {
      throw new IllegalStateException(
          "this computation needs more than "
              + maxMemoryBlockBytes
              + " bytes in one block and would spill to a temporary file");
    }
  }
}
