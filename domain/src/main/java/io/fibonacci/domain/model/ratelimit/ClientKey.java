package io.fibonacci.domain.model.ratelimit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whom a request is charged to: an anonymous caller by its address (an IPv4 address or an IPv6 /64
 * prefix), or an identified client by its plan and subject ({@code id:<plan>:<subject>}, e.g.
 * {@code id:pro:key_0123456789ab}), so that one client has one quota whatever its address.
 */
public record ClientKey(String value) {

  private static final String IDENTIFIED = "id:";
  private static final Pattern PLAN = Pattern.compile("[a-z][a-z0-9-]{0,31}");

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

  /** Whether the text is a valid plan name: lower-case letters, digits and dashes. */
  public static boolean isPlanName(String text) {
    return PLAN.matcher(text).matches();
  }
}
