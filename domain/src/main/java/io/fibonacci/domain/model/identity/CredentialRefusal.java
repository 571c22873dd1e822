package io.fibonacci.domain.model.identity;

import java.util.Locale;

/**
 * Why a presented credential was refused: a client that sent one is never served as anonymous. The
 * names are stable: they label {@code fibonacci_auth_failures_total{reason}}.
 */
public enum CredentialRefusal {
  /** Not the shape of any credential (an API key's prefix, length or alphabet, a JWT's parts). */
  MALFORMED,
  /** An API key whose checksum does not match: mistyped or made up, refused without a lookup. */
  BAD_CHECKSUM,
  /** A well-formed API key that no store knows. */
  UNKNOWN,
  /** An API key that was revoked. */
  REVOKED,
  /** Larger than any credential this service issues or accepts. */
  TOO_LARGE,
  /** A bearer token that is not an API key, while no JWT issuer is configured. */
  JWT_NOT_ACCEPTED;

  /** The name used in metrics and in the problem's detail, e.g. {@code bad_checksum}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
