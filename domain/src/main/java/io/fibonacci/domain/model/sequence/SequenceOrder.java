package io.fibonacci.domain.model.sequence;

import io.fibonacci.domain.model.InvalidArgumentException;
import io.fibonacci.shared.Nullable;

/** Which way a run of the sequence goes from its start: up ({@code asc}) or down ({@code desc}). */
public enum SequenceOrder {
  ASC,
  DESC;

  private static final String ALLOWED = "asc or desc";

  /**
   * Reads the order as a client wrote it; absent or empty means {@link #ASC}.
   *
   * @throws InvalidArgumentException for anything but {@code asc} or {@code desc}
   */
  public static SequenceOrder parse(@Nullable String text) {
    if (text == null || text.isEmpty() || text.equals("asc")) {
      return ASC;
    }
    if (text.equals("desc")) {
      return DESC;
    }
    throw new InvalidArgumentException("order", InvalidArgumentException.NOT_A_CHOICE, ALLOWED);
  }

  /** The order as the API writes it. */
  public String token() {
    return this == ASC ? "asc" : "desc";
  }
}
