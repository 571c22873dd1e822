package io.fibonacci.application.port.in.modular;

import java.util.Objects;

/**
 * The Pisano period of m, as the client wrote m (validated by the use case).
 *
 * @param client whom the request is charged to; not empty
 */
public record PisanoPeriodQuery(String m, String client) {

  public PisanoPeriodQuery {
    if (Objects.requireNonNull(client, "client").isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }
}
