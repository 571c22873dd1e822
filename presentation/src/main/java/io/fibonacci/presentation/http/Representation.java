package io.fibonacci.presentation.http;

import io.fibonacci.application.port.in.FibonacciResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The wire forms of F(n). Bodies are assembled from the shared digit buffer without copying it: a
 * composite of a small prefix, the digits themselves and a small suffix.
 */
enum Representation {
  /** {@code {"n":10,"value":"55","digits":2}} */
  JSON("application/json", "json") {
    @Override
    ByteBuf body(FibonacciResult result) {
      return wrap(
          "{\"n\":" + result.position() + ",\"value\":\"",
          result,
          "\",\"digits\":" + result.digitCount() + "}");
    }
  },
  /** The bare decimal digits. */
  TEXT("text/plain", "text") {
    @Override
    ByteBuf body(FibonacciResult result) {
      return Unpooled.wrappedBuffer(result.digits());
    }
  },
  /** The earlier services' shape, {@code {"n":10,"fibonacci":55}}: the value as a JSON number. */
  SEED_JSON("application/json", "seed") {
    @Override
    ByteBuf body(FibonacciResult result) {
      return wrap("{\"n\":" + result.position() + ",\"fibonacci\":", result, "}");
    }
  };

  private final String contentType;
  private final String tagSuffix;

  Representation(String contentType, String tagSuffix) {
    this.contentType = contentType;
    this.tagSuffix = tagSuffix;
  }

  String contentType() {
    return contentType;
  }

  /**
   * A weak tag (the body may be content-encoded) that depends only on n and the representation:
   * F(n) never changes, so every instance, before and after restarts, derives the same tag.
   */
  String entityTag(int position) {
    return "W/\"fib-v1-" + position + "-" + tagSuffix + "\"";
  }

  abstract ByteBuf body(FibonacciResult result);

  private static ByteBuf wrap(String prefix, FibonacciResult result, String suffix) {
    return Unpooled.wrappedBuffer(
        ascii(prefix), Unpooled.wrappedBuffer(result.digits()), ascii(suffix));
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
  }
}
