package io.fibonacci.domain.model.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a store keeps of an API key: never the key, only its digest, with the key's id (which may be
 * shown and logged), its plan, a label for people, when it was made, and whether it is revoked.
 */
public record ApiKeyRecord(
    String id, ApiKeyDigest digest, String plan, String label, Instant createdAt, boolean revoked) {

  private static final Pattern ID = Pattern.compile("key_[0-9A-Za-z]{12}");
  private static final String ID_ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  public ApiKeyRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a key id is key_ and 12 base62 characters");
    }
    if (label.length() > 200 || label.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("a label is up to 200 printable characters");
    }
  }

  /** A new record for a key just made. */
  public static ApiKeyRecord issued(
      ApiKey key, String plan, String label, Instant now, java.util.random.RandomGenerator random) {
    StringBuilder id = new StringBuilder("key_");
    for (int i = 0; i < 12; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return new ApiKeyRecord(id.toString(), key.digest(), plan, label, now, false);
  }

  public ApiKeyRecord revoke() {
    return new ApiKeyRecord(id, digest, plan, label, createdAt, true);
  }

  public static boolean isId(String text) {
    return ID.matcher(text).matches();
  }
}
