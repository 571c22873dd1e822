package io.fibonacci.application.port.in.sequence;

import io.fibonacci.application.port.in.RateLimitStatus;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of up to 100,000 values produced one at a time as the reader asks for them, so nothing
 * holds more than one value. Not thread-safe: read it from one thread at a time, and close it when
 * done, read to the end or not.
 *
 * @param rows the values, made as they are taken; none once the stream is closed
 * @param onClose ends the stream; runs its effect once however often it is called
 * @param cost the tokens this stream cost: those of the bytes it produces
 * @param rateLimit the client's quotas after this request
 */
public record SequenceStream(
    Iterator<SequenceItem> rows, Runnable onClose, long cost, RateLimitStatus rateLimit)
    implements AutoCloseable {

  public SequenceStream {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(onClose, "onClose");
    Objects.requireNonNull(rateLimit, "rateLimit");
  }

  /** The next value, or empty once the run (or its byte cap) is done, or the stream closed. */
  public Optional<SequenceItem> next() {
    return rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
  }

  @Override
  public void close() {
    onClose.run();
  }
}
