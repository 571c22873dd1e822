package io.fibonacci.infrastructure.config;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * The one check every {@code *Properties} record applies to its values in its constructor, so a
 * value out of range stops the start once, where it is bound, with a message naming the key, what
 * it allows and what it was given.
 */
public final class SettingChecks {

  private SettingChecks() {}

  /**
   * Does nothing when {@code valid}; otherwise throws.
   *
   * @param key the full property key, e.g. {@code rate-limit.bucket.capacity}
   * @param allowed what the key allows, read after "must be", e.g. {@code "at least 1"}
   * @param actual the value given
   * @throws ConfigurationException "Invalid configuration: {key} must be {allowed}, got {actual}"
   */
  public static void require(boolean valid, String key, String allowed, Object actual) {
    if (!valid) {
      throw new ConfigurationException(
          "Invalid configuration: " + key + " must be " + allowed + ", got " + actual);
    }
  }
}
