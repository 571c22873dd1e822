package io.fibonacci.application.port.in.identity;

import java.util.Objects;

/**
 * Whom a request with a valid credential is charged to.
 *
 * @param clientKey the rate-limit and job-ownership key, the same on every instance
 * @param plan the plan whose quotas apply
 * @param subject what may be shown or logged of the client (a key's id, never the key)
 */
public record ClientIdentity(String clientKey, String plan, String subject) {

  public ClientIdentity {
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(subject, "subject");
  }
}
