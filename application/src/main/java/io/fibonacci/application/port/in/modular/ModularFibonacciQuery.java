package io.fibonacci.application.port.in.modular;

import java.util.Objects;

/**
 * F(n) mod m, both as the client wrote them (validated by the use case).
 *
 * @param client whom the request is charged to; not empty
 */
public record ModularFibonacciQuery(String n, String m, String client) {

  public ModularFibonacciQuery {
    if (Objects.requireNonNull(client, "client").isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }
}
