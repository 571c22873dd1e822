package io.fibonacci.domain.model.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an API key, in lower-case hex: what stores keep and look keys up by. The key
 * itself is never stored; its digest reveals nothing of it (the key carries 178 random bits, so no
 * guess or table finds it).
 */
public record ApiKeyDigest(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ApiKeyDigest {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits");
    }
  }
}
