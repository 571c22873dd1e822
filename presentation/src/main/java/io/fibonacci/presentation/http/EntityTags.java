package io.fibonacci.presentation.http;

/** RFC 9110 {@code If-None-Match} evaluation, with the weak comparison it prescribes. */
final class EntityTags {

  private EntityTags() {}

  /** Whether any tag in the header value (a list, or {@code *}) weakly matches {@code tag}. */
  static boolean noneMatchHits(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String opaque = opaque(tag);
    for (String candidate : ifNoneMatch.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
