package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.ContentCoding;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CaffeineEncodedDigitsCacheTest {

  private static final Position POSITION = Position.of(5_000);

  private final ByteBudget budget = new ByteBudget(1_000_000);
  private final CaffeineEncodedDigitsCache encoded = new CaffeineEncodedDigitsCache(budget);
  private final AtomicInteger encodings = new AtomicInteger();

  private static EncodedDigits form(int bytes) {
    return new EncodedDigits(ContentCoding.GZIP, ByteBuffer.allocate(bytes), bytes * 2, 0);
  }

  private CompletableFuture<EncodedDigits> counted(CompletableFuture<EncodedDigits> result) {
    encodings.incrementAndGet();
    return result;
  }

  @Test
  void encodesOnceForConcurrentRequests() {
    var pending = new CompletableFuture<EncodedDigits>();

    var first = encoded.get(POSITION, ContentCoding.GZIP, () -> counted(pending));
    var second = encoded.get(POSITION, ContentCoding.GZIP, () -> counted(pending));
    pending.complete(form(100));

    assertThat(first.join()).isSameAs(second.join());
    assertThat(encodings).hasValue(1);
    assertThat(encoded.contains(POSITION, ContentCoding.GZIP)).isTrue();
  }

  @Test
  void dropsAFailedEncodingSoTheNextRequestTriesAgain() {
    var failed =
        encoded.get(
            POSITION,
            ContentCoding.GZIP,
            () -> counted(CompletableFuture.failedFuture(new IllegalStateException("busy"))));

    var retried =
        encoded.get(
            POSITION,
            ContentCoding.GZIP,
            () -> counted(CompletableFuture.completedFuture(form(10))));

    assertThat(failed).isCompletedExceptionally();
    assertThat(retried.join().length()).isEqualTo(10);
    assertThat(encodings).hasValue(2);
  }

  @Test
  void sharesOneByteBudgetWithTheValues() {
    var values = new CaffeineFibonacciCache(budget);
    FibonacciNumber value =
        values
            .get(
                POSITION,
                position ->
                    CompletableFuture.completedFuture(
                        new IterativeFibonacciCalculator().compute(position)))
            .join();
    EncodedDigits form =
        encoded
            .get(POSITION, ContentCoding.GZIP, () -> CompletableFuture.completedFuture(form(400)))
            .join();

    assertThat(budget.weightedSize()).isEqualTo(value.retainedBytes() + form.retainedBytes());
  }

  @Test
  void keepsTheValueAndItsFormApart() {
    var values = new CaffeineFibonacciCache(budget);
    encoded
        .get(POSITION, ContentCoding.GZIP, () -> CompletableFuture.completedFuture(form(400)))
        .join();

    assertThat(values.contains(POSITION)).isFalse();
  }
}
