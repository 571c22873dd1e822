package io.fibonacci.presentation.http.jobs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}), at most 60 seconds; anything
 * else in the field is ignored, as the RFC asks of preferences a server does not apply.
 */
final class PreferWait {

  static final Duration MAX = Duration.ofSeconds(60);

  private PreferWait() {}

  /** Whether the client prefers an asynchronous answer ({@code Prefer: respond-async}). */
  static boolean respondAsync(List<String> fields) {
    return preferences(fields).anyMatch(preference -> preference.equalsIgnoreCase("respond-async"));
  }

  static Duration of(List<String> fields) {
    long seconds = preferences(fields).mapToLong(PreferWait::waitSeconds).max().orElse(0);
    return Duration.ofSeconds(Math.min(seconds, MAX.toSeconds()));
  }

  /** The seconds of a {@code wait=N} preference; 0 for any other preference. */
  private static long waitSeconds(String preference) {
    int equals = preference.indexOf('=');
    if (equals < 0 || !preference.substring(0, equals).trim().equalsIgnoreCase("wait")) {
      return 0;
    }
    String value = preference.substring(equals + 1).trim();
    boolean digits =
        !value.isEmpty() && value.length() <= 4 && value.chars().allMatch(Character::isDigit);
    return digits ? Long.parseLong(value) : 0;
  }

  /** The preferences of every Prefer field, trimmed; overlong fields are ignored. */
  private static Stream<String> preferences(List<String> fields) {
    return fields.stream()
        .filter(field -> field.length() <= 1_024)
        .flatMap(field -> Arrays.stream(field.split(",", 32)))
        .map(String::trim);
  }
}
