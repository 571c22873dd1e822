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
  JWT_NOT_ACCEPTED,
  /** A token past its expiry ({@code exp}), beyond the leeway. */
  EXPIRED,
  /** A token before its start ({@code nbf}), beyond the leeway. */
  NOT_YET_VALID,
  /** A token without an expiry: it would be valid for ever. */
  NO_EXPIRY,
  /** A token whose signature does not verify. */
  BAD_SIGNATURE,
  /** A token of another issuer than the configured one. */
  WRONG_ISSUER,
  /** A token for another audience than the configured one. */
  WRONG_AUDIENCE,
  /** A token signed otherwise than RS256 or ES256 ({@code none}, HMAC, ...). */
  UNSUPPORTED_ALGORITHM,
  /** A token signed with a key the issuer's key set does not hold (after one refresh). */
  UNKNOWN_KEY_ID,
  /** A token whose plan claim names no configured plan. */
  UNKNOWN_PLAN;

  /** The name used in metrics and in the problem's detail, e.g. {@code bad_checksum}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
