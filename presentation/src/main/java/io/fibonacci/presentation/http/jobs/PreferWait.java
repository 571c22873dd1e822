package io.fibonacci.presentation.http.jobs;

import java.time.Duration;
import java.util.List;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}), at most 60 seconds; anything
 * else in the field is ignored, as the RFC asks of preferences a server does not apply.
 */
final class PreferWait {

  static final Duration MAX = Duration.ofSeconds(60);

  private PreferWait() {}

  /** Whether the client prefers an asynchronous answer ({@code Prefer: respond-async}). */
  static boolean respondAsync(List<String> fields) {
    for (String field : fields) {
      if (field.length() > 1_024) {
        continue;
      }
      for (String preference : field.split(",", 32)) {
        if (preference.trim().equalsIgnoreCase("respond-async")) {
          return true;
        }
      }
    }
    return false;
  }

  static Duration of(List<String> fields) {
    long seconds = 0;
    for (String field : fields) {
      if (field.length() > 1_024) {
        continue;
      }
      for (String preference : field.split(",", 32)) {
        String token = preference.trim();
        int equals = token.indexOf('=');
        if (equals < 0 || !token.substring(0, equals).trim().equalsIgnoreCase("wait")) {
          continue;
        }
        String value = token.substring(equals + 1).trim();
        if (!value.isEmpty() && value.length() <= 4 && value.chars().allMatch(Character::isDigit)) {
          seconds = Math.max(seconds, Long.parseLong(value));
        }
      }
    }
    return Duration.ofSeconds(Math.min(seconds, MAX.toSeconds()));
  }
}
