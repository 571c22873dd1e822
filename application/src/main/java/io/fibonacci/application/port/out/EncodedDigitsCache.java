package io.fibonacci.application.port.out;

import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.ContentCoding;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Encoded forms of cached values, kept beside the values themselves within the same byte budget.
 * Concurrent calls for one missing form share one encoding (single flight); a failed encoding is
 * not kept, so the next call tries again.
 */
public interface EncodedDigitsCache {

  CompletableFuture<EncodedDigits> get(
      Position position, ContentCoding coding, Supplier<CompletableFuture<EncodedDigits>> encoder);
}
