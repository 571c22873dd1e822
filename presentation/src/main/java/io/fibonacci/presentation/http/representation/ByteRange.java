package io.fibonacci.presentation.http.representation;

/**
 * A {@code Range} request (RFC 9110 14) against a representation of known length. One {@code bytes}
 * range is served: {@code first-last}, {@code first-} or the suffix {@code -count}. Anything else
 * (several ranges, another unit, a malformed or reversed spec, an overlong field) is ignored, as
 * the RFC allows, and the full representation is sent: a client can always make progress.
 */
public final class ByteRange {

  /** A field this long is not a range any client sends for one value. */
  static final int MAX_FIELD_LENGTH = 128;

  private ByteRange() {}

  /** What a Range field asks of a representation of {@code length} bytes. */
  public sealed interface Outcome permits Full, Partial, Unsatisfiable {}

  /** Ignore the field: send everything. */
  public record Full() implements Outcome {}

  /** Send these bytes, both ends included. */
  public record Partial(long first, long last, long length) implements Outcome {
    public String contentRange() {
      return "bytes " + first + "-" + last + "/" + length;
    }
  }

  /** No byte of the representation is in the range. */
  public record Unsatisfiable(long length) implements Outcome {
    public String contentRange() {
      return "bytes */" + length;
    }
  }

  public static Outcome evaluate(String field, long length) {
    if (field == null || field.length() > MAX_FIELD_LENGTH) {
      return new Full();
    }
    String spec = field.trim();
    if (spec.length() < 6 || !spec.regionMatches(true, 0, "bytes=", 0, 6)) {
      return new Full();
    }
    spec = spec.substring(6).trim();
    if (spec.indexOf(',') >= 0) {
      return new Full();
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Full();
    }
    String start = spec.substring(0, dash).trim();
    String end = spec.substring(dash + 1).trim();
    if (start.isEmpty()) {
      long count = digits(end);
      if (count < 0) {
        return new Full();
      }
      if (count == 0 || length == 0) {
        return new Unsatisfiable(length);
      }
      return new Partial(Math.max(0, length - count), length - 1, length);
    }
    long first = digits(start);
    long last = end.isEmpty() ? Long.MAX_VALUE : digits(end);
    if (first < 0 || last < 0 || last < first) {
      return new Full();
    }
    if (first >= length) {
      return new Unsatisfiable(length);
    }
    return new Partial(first, Math.min(last, length - 1), length);
  }

  /** A non-negative decimal of at most 18 digits, or -1. */
  private static long digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return text.length() > 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')
          ? Long.MAX_VALUE
          : -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
