package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpStatus;

/** The one place where error codes become HTTP statuses and problem types. */
enum ProblemTypes {
  INVALID_POSITION(HttpStatus.BAD_REQUEST, "Invalid position"),
  INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid parameter"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  RANGE_NOT_SATISFIABLE(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable"),
  REQUEST_TOO_COSTLY(HttpStatus.BAD_REQUEST, "Request too costly"),
  RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"),
  SERVER_OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "Server busy"),
  JOB_NOT_FOUND(HttpStatus.NOT_FOUND, "Job not found"),
  TOO_MANY_JOBS(HttpStatus.TOO_MANY_REQUESTS, "Too many jobs"),
  JOB_NOT_FINISHED(HttpStatus.CONFLICT, "Job not finished"),
  IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  BODY_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Body too large"),
  JOBS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Jobs unavailable"),
  INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
  CREDENTIALS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Credentials cannot be checked");

  private final HttpStatus status;
  private final String title;

  ProblemTypes(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  /**
   * The problem type of a code. A switch without a default, so a new {@link ErrorCode} without a
   * problem type does not compile (rather than become a 500 at run time).
   */
  static ProblemTypes of(ErrorCode code) {
    return switch (code) {
      case INVALID_POSITION -> INVALID_POSITION;
      case INVALID_PARAMETER -> INVALID_PARAMETER;
      case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
      case RANGE_NOT_SATISFIABLE -> RANGE_NOT_SATISFIABLE;
      case REQUEST_TOO_COSTLY -> REQUEST_TOO_COSTLY;
      case RATE_LIMIT_EXCEEDED -> RATE_LIMIT_EXCEEDED;
      case SERVER_OVERLOADED -> SERVER_OVERLOADED;
      case JOB_NOT_FOUND -> JOB_NOT_FOUND;
      case TOO_MANY_JOBS -> TOO_MANY_JOBS;
      case JOB_NOT_FINISHED -> JOB_NOT_FINISHED;
      case IDEMPOTENCY_KEY_REUSED -> IDEMPOTENCY_KEY_REUSED;
      case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
      case BODY_TOO_LARGE -> BODY_TOO_LARGE;
      case JOBS_UNAVAILABLE -> JOBS_UNAVAILABLE;
      case INVALID_CREDENTIALS -> INVALID_CREDENTIALS;
      case CREDENTIALS_UNAVAILABLE -> CREDENTIALS_UNAVAILABLE;
    };
  }

  HttpStatus status() {
    return status;
  }

  Problem problem(String detail, @Nullable String requestId) {
    String uri =
        "urn:fibonacci:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return new Problem(uri, title, status.getCode(), detail, requestId);
  }
}
