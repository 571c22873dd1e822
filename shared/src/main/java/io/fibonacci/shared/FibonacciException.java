package io.fibonacci.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Base of every expected failure the service reports to a caller: a stable {@link ErrorCode} and
 * the {@link Fact}s of the failure (what was refused, which value, what is allowed). The inner
 * rings state facts only; the sentence a caller reads is written by presentation. The message is
 * for logs: the code and the facts.
 */
public abstract class FibonacciException extends RuntimeException {

  private final ErrorCode errorCode;
  private final Map<Fact, Object> facts;

  protected FibonacciException(ErrorCode errorCode, Map<Fact, ?> facts) {
    this(errorCode, facts, errorCode + " " + facts);
  }

  /**
   * A failure with a message of its own: for the outermost ring, which detects some failures itself
   * (a malformed header, say) and words them as it finds them.
   */
  protected FibonacciException(ErrorCode errorCode, Map<Fact, ?> facts, String message) {
    super(message, null, false, false);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.facts = facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(facts));
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** Every fact of this failure, by name. */
  public Map<Fact, Object> facts() {
    return facts;
  }

  /** A numeric fact; the failure must carry it. */
  public long number(Fact fact) {
    Object value = facts.get(fact);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException(errorCode + " carries no number " + fact + ": " + facts);
    }
    return number.longValue();
  }

  /** A text fact; the failure must carry it. */
  public String text(Fact fact) {
    Object value = facts.get(fact);
    if (value == null) {
      throw new IllegalStateException(errorCode + " carries no " + fact + ": " + facts);
    }
    return value.toString();
  }

  /**
   * How long the caller should wait before trying again, for failures that pass with time (a spent
   * quota, a busy server); empty for those that do not.
   */
  public OptionalLong retryAfterSeconds() {
    Object value = facts.get(Fact.RETRY_AFTER_SECONDS);
    return value instanceof Number number
        ? OptionalLong.of(number.longValue())
        : OptionalLong.empty();
  }
}
