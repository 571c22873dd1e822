package io.fibonacci.application.port.in;

import io.fibonacci.shared.ContentCoding;
import java.util.Objects;

/**
 * One request for F(n): the position exactly as the client wrote it (validated by the use case),
 * the key of the client it is charged to, and the content coding the client prefers.
 *
 * @param client whom the request is charged to, e.g. an IPv4 address or an IPv6 /64 prefix; not
 *     empty
 * @param coding the coding to deliver the value in when the value is large enough to have an
 *     encoded form; {@link ContentCoding#IDENTITY} asks for the digits only
 */
public record GetFibonacciQuery(String position, String client, ContentCoding coding) {

  public GetFibonacciQuery {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(coding, "coding");
    if (client.isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }

  /** A query for the digits as they are. */
  public GetFibonacciQuery(String position, String client) {
    this(position, client, ContentCoding.IDENTITY);
  }
}
