package io.fibonacci.application.port.in.index;

import java.util.Objects;

/**
 * Where a value sits in the sequence, the value as the client wrote it (validated by the use case).
 *
 * @param client whom the request is charged to; not empty
 */
public record FibonacciIndexQuery(String value, String client) {

  public FibonacciIndexQuery {
    Objects.requireNonNull(value, "value");
    if (Objects.requireNonNull(client, "client").isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }
}
