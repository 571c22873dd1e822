package io.fibonacci.application.service;

import io.fibonacci.application.port.out.DigitsEncoder;
import io.fibonacci.application.port.out.EncodedDigitsCache;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.shared.ContentCoding;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * When and how a value gets an encoded form: from {@code minDigits} digits on (smaller bodies gain
 * too little to pay for it), made once by the encoder and kept in the cache beside the value.
 *
 * @param cache where encoded forms are kept
 * @param encoder what makes them, off the caller's thread
 * @param minDigits the smallest value, in digits, that gets an encoded form
 */
public record ContentEncodingPolicy(
    EncodedDigitsCache cache, DigitsEncoder encoder, int minDigits) {

  public ContentEncodingPolicy {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(encoder, "encoder");
    if (minDigits < 1) {
      throw new IllegalArgumentException("minDigits must be at least 1, got " + minDigits);
    }
  }

  /**
   * The encoded form of {@code number} in {@code coding}, or a future of null when it has none: the
   * coding is identity, the value is small, or the encoding failed (the client then gets the digits
   * as they are, never an error).
   */
  public CompletableFuture<EncodedDigits> encodedOrNull(
      FibonacciNumber number, ContentCoding coding) {
    if (coding == ContentCoding.IDENTITY || number.digitCount() < minDigits) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<EncodedDigits> encoded;
    try {
      encoded = cache.get(number.position(), coding, () -> encoder.encode(number, coding));
    } catch (RuntimeException failure) {
      return CompletableFuture.completedFuture(null);
    }
    return encoded.exceptionally(failure -> null);
  }
}
