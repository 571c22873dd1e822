package io.fibonacci.application.port.out.identity;

import io.fibonacci.domain.model.identity.CredentialRefusal;
import io.fibonacci.domain.model.identity.InvalidCredentialException;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a bearer token that is not an API key (a JWT): its signature against the issuer's keys and
 * its claims. A bad token fails the future with an {@link InvalidCredentialException} naming why.
 */
public interface TokenVerifier {

  /** No issuer is configured: every such token is refused. */
  TokenVerifier NONE =
      token ->
          CompletableFuture.failedFuture(
              new InvalidCredentialException(CredentialRefusal.JWT_NOT_ACCEPTED));

  CompletableFuture<VerifiedToken> verify(String token);

  /**
   * What a valid token says of its client.
   *
   * @param issuer {@code iss}
   * @param subject {@code sub}
   * @param plan the plan claim's value
   */
  record VerifiedToken(String issuer, String subject, String plan) {}
}
