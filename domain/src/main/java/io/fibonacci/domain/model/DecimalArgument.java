package io.fibonacci.domain.model;

import java.math.BigInteger;

/**
 * The strict reading of a non-negative integer parameter as clients write it: ASCII decimal digits
 * only (no sign, space, exponent or radix prefix), leading zeros allowed. The digit count is
 * checked before any arithmetic, so an oversized value costs a scan of its characters and nothing
 * more.
 */
public final class DecimalArgument {

  private DecimalArgument() {}

  /**
   * The value of {@code text}, of at most {@code maxDigits} significant digits.
   *
   * @throws InvalidArgumentException naming {@code parameter} and {@code allowed} otherwise
   */
  public static BigInteger parse(String parameter, String text, int maxDigits, String allowed) {
    return new BigInteger(digits(parameter, text, maxDigits, allowed));
  }

  /**
   * The value of {@code text} between {@code min} and {@code max} inclusive (both non-negative).
   *
   * @throws InvalidArgumentException naming {@code parameter} and {@code allowed} otherwise
   */
  public static long parse(String parameter, String text, long min, long max, String allowed) {
    String digits = digits(parameter, text, 19, allowed);
    long value = Long.parseLong(digits);
    if (value < min) {
      throw new InvalidArgumentException(parameter, InvalidArgumentException.TOO_SMALL, allowed);
    }
    if (value > max) {
      throw new InvalidArgumentException(parameter, InvalidArgumentException.TOO_LARGE, allowed);
    }
    return value;
  }

  /**
   * The significant digits of {@code text} (leading zeros dropped, "0" for zero), checked to be
   * ASCII decimal digits and at most {@code maxDigits} of them.
   *
   * @throws InvalidArgumentException naming {@code parameter} and {@code allowed} otherwise
   */
  public static String digits(String parameter, String text, int maxDigits, String allowed) {
    if (text == null || text.isEmpty()) {
      throw new InvalidArgumentException(parameter, InvalidArgumentException.MISSING, allowed);
    }
    int first = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidArgumentException(
            parameter, InvalidArgumentException.NOT_DECIMAL, allowed);
      }
      if (first < 0 && c != '0') {
        first = i;
      }
    }
    if (first < 0) {
      return "0";
    }
    if (text.length() - first > maxDigits) {
      throw new InvalidArgumentException(parameter, InvalidArgumentException.TOO_LARGE, allowed);
    }
    return first == 0 ? text : text.substring(first);
  }
}
