package io.fibonacci.application.port.out;

import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.shared.ContentCoding;
import java.util.concurrent.CompletableFuture;

/**
 * Encodes a value's digits in a content coding, on threads of its own: never on the caller's, which
 * may be an event loop. The future fails when the encoder is saturated or the coding unsupported.
 */
public interface DigitsEncoder {

  CompletableFuture<EncodedDigits> encode(FibonacciNumber number, ContentCoding coding);
}
