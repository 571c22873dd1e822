package io.fibonacci.shared;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Base of every expected failure the service reports to a caller. The message is the caller-facing
 * detail, so it must say what was wrong and what is allowed.
 */
public abstract class FibonacciException extends RuntimeException {

  private final ErrorCode errorCode;
  private final String detail;

  protected FibonacciException(ErrorCode errorCode, String detail) {
    super(detail, null, false, false);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public String detail() {
    return detail;
  }

  /**
   * How long the caller should wait before trying again, for failures that pass with time (a spent
   * quota, a busy server); empty for those that do not.
   */
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.empty();
  }
}
