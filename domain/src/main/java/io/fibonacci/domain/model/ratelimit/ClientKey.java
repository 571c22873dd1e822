package io.fibonacci.domain.model.ratelimit;

import java.util.Objects;

/** Whom a request is charged to, e.g. an IPv4 address or an IPv6 /64 prefix. */
public record ClientKey(String value) {

  public ClientKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }

  public static ClientKey of(String value) {
    return new ClientKey(value);
  }
}
