package io.fibonacci.application.port.in.sequence;

import io.fibonacci.shared.Nullable;
import java.util.Objects;

/**
 * A run of the sequence as the client asked for it (validated by the use case).
 *
 * @param start the first position
 * @param limit how many values at most; null or empty for the default (100)
 * @param order {@code asc} or {@code desc}; null or empty for {@code asc}
 * @param client whom the request is charged to; not empty
 */
public record SequenceQuery(
    String start, @Nullable String limit, @Nullable String order, String client) {

  public SequenceQuery {
    Objects.requireNonNull(start, "start");
    if (Objects.requireNonNull(client, "client").isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }
}
