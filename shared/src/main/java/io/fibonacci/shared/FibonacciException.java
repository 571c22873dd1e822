package io.fibonacci.shared;

/**
 * Base of every expected failure the service reports to a caller. The message is the caller-facing
 * detail, so it must say what was wrong and what is allowed.
 */
public abstract class FibonacciException extends RuntimeException {

  private final ErrorCode errorCode;

  protected FibonacciException(ErrorCode errorCode, String detail) {
    super(detail, null, false, false);
    this.errorCode = errorCode;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public String detail() {
    return getMessage();
  }
}
