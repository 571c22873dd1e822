package io.fibonacci.presentation.http.representation;

import io.fibonacci.application.port.in.FibonacciResult;
import java.nio.charset.StandardCharsets;

/**
 * The wire forms of F(n): a few bytes before the shared digits and a few after, so that every form,
 * in every content coding, is assembled around the one cached buffer of digits without copying it.
 */
public enum Representation {
  /** {@code {"n":10,"value":"55","digits":2}} */
  JSON("application/json", "json") {
    @Override
    String before(FibonacciResult result) {
      return "{\"n\":" + result.position() + ",\"value\":\"";
    }

    @Override
    String after(FibonacciResult result) {
      return "\",\"digits\":" + result.digitCount() + "}";
    }
  },
  /** The bare decimal digits. */
  TEXT("text/plain", "text") {
    @Override
    String before(FibonacciResult result) {
      return "";
    }

    @Override
    String after(FibonacciResult result) {
      return "";
    }
  },
  /** The earlier services' shape, {@code {"n":10,"fibonacci":55}}: the value as a JSON number. */
  SEED_JSON("application/json", "seed") {
    @Override
    String before(FibonacciResult result) {
      return "{\"n\":" + result.position() + ",\"fibonacci\":";
    }

    @Override
    String after(FibonacciResult result) {
      return "}";
    }
  };

  /** How every entity tag of an F(n) representation starts. */
  public static final String TAG_PREFIX = "\"fib-v1-";

  /** How every entity tag of a sequence page starts: pages are sent uncompressed. */
  public static final String SEQUENCE_TAG_PREFIX = "\"seq-v1-";

  private final String contentType;
  private final String tagSuffix;

  Representation(String contentType, String tagSuffix) {
    this.contentType = contentType;
    this.tagSuffix = tagSuffix;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * A strong tag that depends only on n, the representation and the variant of its bytes: F(n)
   * never changes, so every instance, before and after restarts, derives the same tag.
   *
   * @param variant empty for the identity bytes, else a name for the encoded ones
   */
  public String entityTag(int position, String variant) {
    return TAG_PREFIX
        + position
        + "-"
        + tagSuffix
        + (variant.isEmpty() ? "" : "-" + variant)
        + "\"";
  }

  /** The parts of this representation of {@code result}: prefix, digits, suffix. */
  public BodyParts parts(FibonacciResult result) {
    return new BodyParts(
        before(result).getBytes(StandardCharsets.US_ASCII),
        result.digits(),
        after(result).getBytes(StandardCharsets.US_ASCII));
  }

  abstract String before(FibonacciResult result);

  abstract String after(FibonacciResult result);
}
