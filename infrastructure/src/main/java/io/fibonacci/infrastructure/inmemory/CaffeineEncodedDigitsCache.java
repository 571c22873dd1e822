package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.EncodedDigitsCache;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.ContentCoding;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Encoded forms in the local byte budget, beside the values. A missing form is made by one caller's
 * encoder while the others wait for it (single flight); a failed encoding is dropped, so the next
 * request tries again.
 */
public final class CaffeineEncodedDigitsCache implements EncodedDigitsCache {

  private final ByteBudget budget;

  public CaffeineEncodedDigitsCache(ByteBudget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** The cache key of one value's form in one coding. */
  private record EncodedKey(Position position, ContentCoding coding) {}

  @Override
  public CompletableFuture<EncodedDigits> get(
      Position position, ContentCoding coding, Supplier<CompletableFuture<EncodedDigits>> encoder) {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(coding, "coding");
    Objects.requireNonNull(encoder, "encoder");
    return budget
        .cache()
        .get(
            new EncodedKey(position, coding),
            (key, executor) ->
                ByteBudget.started(encoder, "the encoder").thenApply(Object.class::cast))
        .thenApply(EncodedDigits.class::cast);
  }

  /** Whether the form of this position in this coding is held now. */
  boolean contains(Position position, ContentCoding coding) {
    return budget.holds(new EncodedKey(position, coding));
  }
}
