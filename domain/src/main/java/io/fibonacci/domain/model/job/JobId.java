package io.fibonacci.domain.model.job;

import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A job's id: 128 random bits in URL-safe base64 without padding (22 characters), so that ids
 * cannot be guessed or enumerated.
 */
public record JobId(String value) {

  private static final int RANDOM_BYTES = 16;
  private static final int LENGTH = 22;

  public JobId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("a job id is 22 URL-safe base64 characters");
    }
  }

  /** A new id from {@code random}, which should be a {@code SecureRandom} outside tests. */
  public static JobId random(RandomGenerator random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new JobId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Whether {@code text} has the shape of an id (it may still name no job). */
  public static boolean isWellFormed(String text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
