package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Objects;

/**
 * The sentence a caller reads in a problem's {@code detail}, written from the failure's facts: what
 * was refused, which value, and what is allowed. One switch over every {@link
 * io.fibonacci.shared.ErrorCode} without a default, so a new code cannot reach a caller without its
 * sentence.
 */
public final class ProblemDetails {

  /** The reason of a position above the maximum, as the domain states it. */
  private static final String TOO_LARGE = "too-large";

  private ProblemDetails() {}

  /** Whether the failure refuses a position for being above the maximum. */
  public static boolean isTooLargePosition(FibonacciException failure) {
    return failure.errorCode() == ErrorCode.INVALID_POSITION
        && TOO_LARGE.equals(failure.facts().get(Fact.REASON));
  }

  static String of(FibonacciException failure) {
    return switch (failure.errorCode()) {
      case INVALID_POSITION -> invalidPosition(failure);
      case REQUEST_TOO_COSTLY ->
          "n = %d costs %d tokens, more than the rate-limit bucket holds (%d): %s"
              .formatted(
                  failure.number(Fact.POSITION),
                  failure.number(Fact.COST),
                  failure.number(Fact.CAPACITY),
                  allowedRange(failure.number(Fact.MAXIMUM)));
      case RATE_LIMIT_EXCEEDED ->
          "rate limit exceeded: retry in " + failure.number(Fact.RETRY_AFTER_SECONDS) + " s";
      case SERVER_OVERLOADED ->
          "the server is busy with other large computations: retry in "
              + failure.number(Fact.RETRY_AFTER_SECONDS)
              + " s";
      case JOBS_UNAVAILABLE ->
          "jobs cannot be reached right now (the synchronous API still answers): retry in "
              + failure.number(Fact.RETRY_AFTER_SECONDS)
              + " s";
      case INVALID_CREDENTIALS -> invalidCredentials(failure.text(Fact.REASON));
      case CREDENTIALS_UNAVAILABLE ->
          "the credential cannot be checked right now (send none to be served as anonymous):"
              + " retry in "
              + failure.number(Fact.RETRY_AFTER_SECONDS)
              + " s";
      case JOB_NOT_FOUND -> "no job " + failure.text(Fact.JOB_ID) + " of yours exists";
      case TOO_MANY_JOBS ->
          "you have %d jobs queued or running, the most allowed: wait for one to finish or cancel one"
              .formatted(failure.number(Fact.MAXIMUM));
      case JOB_NOT_FINISHED -> jobNotFinished(failure);
      case IDEMPOTENCY_KEY_REUSED ->
          "this Idempotency-Key was used for another request: use a new key for a new request";
      // Failures presentation detects itself, worded where they are found.
      case INVALID_PARAMETER ->
          failure.facts().containsKey(Fact.PARAMETER)
              ? invalidArgument(failure)
              : Objects.requireNonNullElse(failure.getMessage(), failure.errorCode().name());
      case NOT_ACCEPTABLE, RANGE_NOT_SATISFIABLE, UNSUPPORTED_MEDIA_TYPE, BODY_TOO_LARGE ->
          Objects.requireNonNullElse(failure.getMessage(), failure.errorCode().name());
    };
  }

  /**
   * Why a credential was refused, without repeating it. A request with no credential at all is
   * served as anonymous; one with a bad credential never is.
   */
  static String invalidCredentials(String reason) {
    String why =
        switch (reason) {
          case "malformed" -> "the credential is not a well-formed API key or token";
          case "bad_checksum" -> "the API key's checksum does not match: it is mistyped";
          case "unknown" -> "no such API key exists";
          case "revoked" -> "the API key was revoked";
          case "too_large" -> "the credential is larger than any this service accepts";
          case "jwt_not_accepted" -> "bearer tokens other than API keys are not accepted here";
          case "expired" -> "the token has expired";
          case "not_yet_valid" -> "the token is not valid yet (nbf)";
          case "no_expiry" -> "the token has no expiry (exp), a subject (sub) or an issuer (iss)";
          case "bad_signature" -> "the token's signature does not verify";
          case "wrong_issuer" -> "the token is from another issuer";
          case "wrong_audience" -> "the token is for another audience";
          case "unsupported_algorithm" -> "the token is not signed with RS256 or ES256";
          case "unknown_key_id" -> "the token is signed with a key the issuer does not publish";
          case "unknown_plan" -> "the token names no configured plan";
          default -> "the credential was refused (" + reason + ")";
        };
    return why + "; send a valid credential, or none to be served as anonymous";
  }

  private static String jobNotFinished(FibonacciException failure) {
    String status = failure.text(Fact.JOB_STATUS);
    return switch (status) {
      case "queued", "running" ->
          "job "
              + failure.text(Fact.JOB_ID)
              + " is "
              + status
              + ": ask again in "
              + failure.number(Fact.RETRY_AFTER_SECONDS)
              + " s";
      default -> "job " + failure.text(Fact.JOB_ID) + " is " + status + " and has no result";
    };
  }

  /** A parameter's value refused by the inner rings: what is wrong, then what it accepts. */
  private static String invalidArgument(FibonacciException failure) {
    String name = failure.text(Fact.PARAMETER);
    String problem =
        switch (failure.text(Fact.REASON)) {
          case "missing" -> name + " is required";
          case "not-decimal" -> name + " is not a plain decimal integer";
          case "too-small" -> name + " is too small";
          case TOO_LARGE -> name + " is too large";
          default -> name + " is not one of the accepted values";
        };
    return problem + ": " + name + " must be " + failure.text(Fact.ALLOWED);
  }

  private static String invalidPosition(FibonacciException failure) {
    String problem =
        switch (failure.text(Fact.REASON)) {
          case "missing" -> "n is required";
          case TOO_LARGE -> "n is too large";
          default -> "n is not a plain decimal integer";
        };
    return problem + ": " + allowedRange(failure.number(Fact.MAXIMUM));
  }

  /** The sentence every refused position ends with, so a caller always learns the range. */
  private static String allowedRange(long maximum) {
    return "n must be an integer between 0 and " + maximum;
  }
}
