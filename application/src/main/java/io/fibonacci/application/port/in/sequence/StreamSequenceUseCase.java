package io.fibonacci.application.port.in.sequence;

import java.util.concurrent.CompletionStage;

/**
 * A run of up to 100,000 consecutive values and 256 MiB, charged up front for the bytes it will
 * produce, then produced on demand. The stage fails with a {@link
 * io.fibonacci.shared.FibonacciException}: an invalid start, limit or order, a spent quota, or a
 * full pool (for its first two values).
 */
public interface StreamSequenceUseCase {

  CompletionStage<SequenceStream> stream(SequenceQuery query);
}
