package io.fibonacci.presentation.http.jobs;

import io.fibonacci.presentation.http.problem.BodyTooLargeException;
import io.fibonacci.presentation.http.problem.InvalidParameterException;
import io.fibonacci.presentation.http.problem.UnsupportedMediaTypeException;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The body of a job submission, {@code {"n": 50000000}}, read strictly: JSON only, at most 1 KiB,
 * an object whose {@code n} is an integer written as a JSON number. The range of n is the use
 * case's to check; here n only has to be an integer, however large.
 */
final class JobRequestBody {

  static final int MAX_BYTES = 1024;

  private JobRequestBody() {}

  /** n as decimal digits, for the use case to parse against its limit. */
  static String positionOf(
      @Nullable MediaType contentType, @Nullable byte[] body, JsonMapper json) {
    if (contentType == null || !isJson(contentType)) {
      throw new UnsupportedMediaTypeException(
          "a job is submitted as application/json, e.g. {\"n\": 50000000}");
    }
    if (body == null || body.length == 0) {
      throw new InvalidParameterException("the body is empty: send {\"n\": <integer>}");
    }
    if (body.length > MAX_BYTES) {
      throw new BodyTooLargeException(
          "the body has " + body.length + " bytes, more than the " + MAX_BYTES + " allowed");
    }
    JsonNode tree;
    try {
      tree = json.readValue(new String(body, StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException | RuntimeException malformed) {
      throw new InvalidParameterException("the body is not JSON: send {\"n\": <integer>}");
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidParameterException("the body is not a JSON object: send {\"n\": <integer>}");
    }
    JsonNode n = tree.get("n");
    if (n == null || n.isNull()) {
      throw new InvalidParameterException("n is required: send {\"n\": <integer>}");
    }
    if (!n.isNumber()) {
      throw new InvalidParameterException("n is not a JSON number: send {\"n\": <integer>}");
    }
    try {
      return integerText(n.getNumberValue());
    } catch (ArithmeticException | NumberFormatException unreadable) {
      // A number the parser cannot even represent (1e999999999 overflows it).
      throw new InvalidParameterException("n is not an integer in range: send {\"n\": <integer>}");
    }
  }

  /** Beyond this many integer digits, n is only ever "too large": it is not expanded. */
  private static final int MAX_DIGITS = 20;

  private static String integerText(Number number) {
    BigDecimal decimal =
        number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
    if (decimal.signum() > 0 && decimal.precision() - decimal.scale() > MAX_DIGITS) {
      // 1e999999999 fits in 11 bytes of JSON: never expand it, it is too large either way.
      return "1" + "0".repeat(MAX_DIGITS);
    }
    if (decimal.signum() < 0) {
      // Negative: the use case refuses the sign as not a plain decimal integer.
      return "-1";
    }
    BigInteger integer;
    try {
      integer = decimal.stripTrailingZeros().toBigIntegerExact();
    } catch (ArithmeticException fractional) {
      throw new InvalidParameterException("n is not an integer: send {\"n\": <integer>}");
    }
    return integer.toString();
  }

  private static boolean isJson(MediaType type) {
    String name = type.getName();
    return name.equals(MediaType.APPLICATION_JSON) || name.endsWith("+json");
  }
}
