package io.fibonacci.application.port.in;

import java.util.Objects;

/**
 * One request for F(n): the position exactly as the client wrote it (validated by the use case) and
 * the key of the client it is charged to.
 */
public record GetFibonacciQuery(String position, ClientKey client) {

  public GetFibonacciQuery {
    Objects.requireNonNull(client, "client");
  }
}
