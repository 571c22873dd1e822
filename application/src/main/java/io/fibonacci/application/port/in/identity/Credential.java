package io.fibonacci.application.port.in.identity;

import java.util.Objects;

/**
 * A credential as a request presented it: the value of {@code Authorization: Bearer ...} or of
 * {@code X-API-Key}. Its text form never shows the secret.
 *
 * @param scheme where it came from
 * @param secret the credential itself
 */
public record Credential(Scheme scheme, String secret) {

  /** Where a credential came from. */
  public enum Scheme {
    BEARER,
    API_KEY_HEADER
  }

  public Credential {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "Credential[" + scheme + ", " + secret.length() + " characters]";
  }
}
