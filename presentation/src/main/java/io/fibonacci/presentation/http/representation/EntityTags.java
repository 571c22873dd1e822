package io.fibonacci.presentation.http.representation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 9110 evaluation of {@code If-None-Match} (weak comparison) and {@code If-Range} (strong). */
public final class EntityTags {

  private EntityTags() {}

  /** Whether any tag in the header value (a list, or {@code *}) weakly matches {@code tag}. */
  public static boolean noneMatchHits(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String opaque = opaque(tag);
    for (String candidate : AcceptEncoding.splitOn(ifNoneMatch, ",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an {@code If-Range} value lets a range be served: only a strong tag equal to the
   * current one does; a weak tag or a date (we send no Last-Modified) never matches.
   */
  public static boolean ifRangeHolds(String ifRange, String tag) {
    return ifRange == null || (!ifRange.startsWith("W/") && ifRange.trim().equals(tag));
  }

  /**
   * 32 hex digits of the SHA-256 of what identifies an answer: an opaque tag that is the same on
   * every instance and after every restart.
   */
  public static String digest(String identity) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
