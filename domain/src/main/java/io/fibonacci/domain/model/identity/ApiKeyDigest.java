package io.fibonacci.domain.model.identity;

import java.util.Objects;

/**
 * The SHA-256 of an API key, in lower-case hex: what stores keep and look keys up by. The key
 * itself is never stored; its digest reveals nothing of it (the key carries 178 random bits, so no
 * guess or table finds it).
 */
public record ApiKeyDigest(String hex) {

  public ApiKeyDigest {
    Objects.requireNonNull(hex, "hex");
    if (!isLowerHex(hex, 64)) {
      throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits");
    }
  }

  private static boolean isLowerHex(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
