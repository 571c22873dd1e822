package io.fibonacci.domain.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apfloat.ApfloatContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApfloatFibonacciCalculatorTest extends FibonacciCalculatorContract {

  private static final ApfloatFibonacciCalculator CALCULATOR = new ApfloatFibonacciCalculator();

  ApfloatFibonacciCalculatorTest() {
    super(CALCULATOR, 10_000_000);
  }

  @Test
  void staysInMemoryOnTheCallingThread() {
    ApfloatContext context = CALCULATOR.context();

    assertThat(context.getDefaultRadix()).isEqualTo(10);
    assertThat(context.getNumberOfProcessors()).isEqualTo(1);
    assertThat(context.getMemoryThreshold())
        .isEqualTo(ApfloatFibonacciCalculator.MAX_MEMORY_BLOCK_BYTES);
    assertThat(context.getMaxMemoryBlockSize())
        .isEqualTo(ApfloatFibonacciCalculator.MAX_MEMORY_BLOCK_BYTES);
    assertThat(context.getSharedMemoryTreshold()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void computesTheTenMillionthNumberWithoutCreatingAnyFile() throws IOException {
    Set<Path> before = apfloatLikeFiles();

    FibonacciNumber number = CALCULATOR.compute(Position.of(10_000_000));

    assertMatches(number, KnownFibonacciValues.at(10_000_000));
    assertThat(apfloatLikeFiles()).isSubsetOf(before);
  }

  @Test
  void failsInsteadOfSpillingToATemporaryFile() throws IOException {
    ApfloatFibonacciCalculator tooSmall = new ApfloatFibonacciCalculator(64 * 1024);
    Set<Path> before = apfloatLikeFiles();

    Throwable thrown = catchThrowable(() -> tooSmall.compute(Position.of(1_000_000)));

    assertThat(deepestCause(thrown))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("would spill to a temporary file");
    assertThat(apfloatLikeFiles()).isSubsetOf(before);
  }

  @Test
  void leavesTheCallersApfloatContextInPlace() {
    ApfloatContext callers = (ApfloatContext) ApfloatContext.getGlobalContext().clone();
    ApfloatContext.setThreadContext(callers);

    CALCULATOR.compute(Position.of(1_000));

    assertThat(ApfloatContext.getThreadContext()).isSameAs(callers);
  }

  @AfterEach
  void forgetTheThreadContext() {
    ApfloatContext.removeThreadContext();
  }

  @Test
  void removesItsContextFromTheThreadAfterwards() {
    ApfloatContext.removeThreadContext();

    CALCULATOR.compute(Position.of(1_000));

    assertThat(ApfloatContext.getThreadContext()).isNull();
  }

  private static Throwable deepestCause(Throwable thrown) {
    Throwable cause = thrown;
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Files in the temporary directory and in apfloat's own file path that carry apfloat's suffix.
   * Other processes share the temporary directory, so only files apfloat could have made count.
   */
  private static Set<Path> apfloatLikeFiles() throws IOException {
    ApfloatContext global = ApfloatContext.getGlobalContext();
    String suffix = global.getProperty(ApfloatContext.FILE_SUFFIX);
    String filePath = global.getProperty(ApfloatContext.FILE_PATH);
    Set<Path> files = new HashSet<>();
    for (Path directory :
        Set.of(
            Path.of(System.getProperty("java.io.tmpdir")),
            Path.of(filePath.isEmpty() ? "." : filePath).toAbsolutePath())) {
      try (Stream<Path> listing = Files.list(directory)) {
        files.addAll(
            listing
                .filter(file -> file.getFileName().toString().endsWith(suffix))
                .collect(Collectors.toSet()));
      }
    }
    return files;
  }
}
