package io.fibonacci.domain.model.ratelimit;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a request is charged to: an anonymous caller by its address (an IPv4 address or an IPv6 /64
 * prefix), or an identified client by its plan and subject ({@code id:<plan>:<subject>}, e.g.
 * {@code id:pro:key_0123456789ab}), so that one client has one quota whatever its address.
 */
public record ClientKey(String value) {

  private static final String IDENTIFIED = "id:";

  public ClientKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }

  public static ClientKey of(String value) {
    return new ClientKey(value);
  }

  /** An identified client of the given plan; the subject names it within its kind of credential. */
  public static ClientKey identified(String plan, String subject) {
    if (!isPlanName(plan)) {
      throw new IllegalArgumentException("a plan name is [a-z][a-z0-9-]{0,31}, got " + plan);
    }
    if (subject.isEmpty()) {
      throw new IllegalArgumentException("an identified client has a subject");
    }
    return new ClientKey(IDENTIFIED + plan + ":" + subject);
  }

  /** The plan of an identified client; empty for an anonymous one. */
  public Optional<String> plan() {
    if (!value.startsWith(IDENTIFIED)) {
      return Optional.empty();
    }
    int end = value.indexOf(':', IDENTIFIED.length());
    return end < 0
        ? Optional.empty()
        : Optional.of(value.substring(IDENTIFIED.length(), end)).filter(ClientKey::isPlanName);
  }

  /**
   * Whether the text is a valid plan name, {@code [a-z][a-z0-9-]{0,31}}: lower-case letters, digits
   * and dashes, starting with a letter. A loop, not a regular expression: it runs on every
   * identified request.
   */
  public static boolean isPlanName(String text) {
    int length = text.length();
    if (length < 1 || length > 32 || text.charAt(0) < 'a' || text.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
