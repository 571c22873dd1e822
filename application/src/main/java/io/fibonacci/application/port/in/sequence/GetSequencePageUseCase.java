package io.fibonacci.application.port.in.sequence;

import java.util.concurrent.CompletionStage;

/**
 * A page of up to 1,000 consecutive values, cut before it passes the page byte cap. The stage
 * completes at once for small pages and on the compute pool for large ones; it fails with a {@link
 * io.fibonacci.shared.FibonacciException}: an invalid start, limit or order, a spent quota, or a
 * full pool.
 */
public interface GetSequencePageUseCase {

  CompletionStage<SequencePage> page(SequenceQuery query);
}
