package io.fibonacci.domain.model;

/**
 * The largest position the service answers synchronously, and the strict parser of positions as
 * clients write them: plain ASCII decimal digits and nothing else.
 */
public record PositionLimit(int max) {

  public PositionLimit {
    if (max < 0) {
      throw new IllegalArgumentException("the maximum position is non-negative, got " + max);
    }
  }

  public static PositionLimit of(int max) {
    return new PositionLimit(max);
  }

  /**
   * Parses {@code text} as a position within this limit. Accepts ASCII digits only (no sign, space,
   * exponent, radix prefix or non-ASCII digit); leading zeros are allowed. Runs in time linear in
   * the input and never allocates more than the input, whatever its length.
   *
   * @throws InvalidPositionException if the text is not such a number or lies above {@link #max()}
   */
  public Position parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidPositionException(InvalidPositionException.MISSING, max);
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidPositionException(InvalidPositionException.NOT_DECIMAL, max);
      }
      value = value * 10 + (c - '0');
      if (value > max) {
        throw new InvalidPositionException(InvalidPositionException.TOO_LARGE, max);
      }
    }
    return Position.of((int) value);
  }
}
