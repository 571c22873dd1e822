package io.fibonacci.domain.model.index;

import io.fibonacci.domain.model.DecimalArgument;
import java.util.Objects;

/**
 * A value whose place in the sequence is asked for: its significant ASCII decimal digits (no
 * leading zeros; "0" for zero), at most as many as the largest value the service computes has.
 */
public record CandidateValue(String digits) {

  public CandidateValue {
    Objects.requireNonNull(digits, "digits");
  }

  /**
   * Reads a value as a client wrote it.
   *
   * @throws io.fibonacci.domain.model.InvalidArgumentException for anything but decimal digits, or
   *     more significant digits than {@code maxDigits}
   */
  public static CandidateValue parse(String text, int maxDigits) {
    return new CandidateValue(
        DecimalArgument.digits(
            "value",
            text,
            maxDigits,
            "a non-negative integer of at most " + maxDigits + " decimal digits"));
  }

  public int length() {
    return digits.length();
  }
}
