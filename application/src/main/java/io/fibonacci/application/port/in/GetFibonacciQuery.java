package io.fibonacci.application.port.in;

import java.util.Objects;

/**
 * One request for F(n): the position exactly as the client wrote it (validated by the use case),
 * the key of the client it is charged to, and the content coding the client prefers.
 *
 * @param coding the coding to deliver the value in when the value is large enough to have an
 *     encoded form; {@link ContentCoding#IDENTITY} asks for the digits only
 */
public record GetFibonacciQuery(String position, ClientKey client, ContentCoding coding) {

  public GetFibonacciQuery {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(coding, "coding");
  }

  /** A query for the digits as they are. */
  public GetFibonacciQuery(String position, ClientKey client) {
    this(position, client, ContentCoding.IDENTITY);
  }
}
