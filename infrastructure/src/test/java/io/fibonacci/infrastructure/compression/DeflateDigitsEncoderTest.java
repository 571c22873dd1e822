package io.fibonacci.infrastructure.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.ContentCoding;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeflateDigitsEncoderTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FibonacciNumber value =
      new SizeTieredFibonacciCalculator().compute(Position.of(50_000));

  @Test
  void encodesOnItsOwnThreadAndTimesIt() {
    try (var encoder = new DeflateDigitsEncoder(4, registry)) {
      var encoded = encoder.encode(value, ContentCoding.GZIP).join();

      assertThat(encoded.digitCount()).isEqualTo(value.digitCount());
      assertThat(registry.get("fibonacci.encodings").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void failsAnEncodingItHasNoRoomFor() {
    try (var encoder = new DeflateDigitsEncoder(new RejectingExecutor(), registry)) {
      var refused = encoder.encode(value, ContentCoding.GZIP);

      assertThatThrownBy(refused::join).hasCauseInstanceOf(RejectedExecutionException.class);
      assertThat(registry.get("fibonacci.encodings.refused").counter().count()).isEqualTo(1);
    }
  }

  @Test
  void refusesACodingItDoesNotMake() {
    try (var encoder = new DeflateDigitsEncoder(4, registry)) {
      assertThatThrownBy(() -> encoder.encode(value, ContentCoding.IDENTITY).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
  }

  /** An executor whose queue is always full. */
  private static final class RejectingExecutor extends AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      throw new RejectedExecutionException("full");
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
