package io.fibonacci.presentation.http;

import io.fibonacci.shared.ErrorCode;
import io.micronaut.http.HttpStatus;

/** The one place where error codes become HTTP statuses and problem types. */
enum ProblemTypes {
  INVALID_POSITION(ErrorCode.INVALID_POSITION, HttpStatus.BAD_REQUEST, "Invalid position"),
  INVALID_PARAMETER(ErrorCode.INVALID_PARAMETER, HttpStatus.BAD_REQUEST, "Invalid parameter"),
  NOT_ACCEPTABLE(ErrorCode.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  RANGE_NOT_SATISFIABLE(
      ErrorCode.RANGE_NOT_SATISFIABLE,
      HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
      "Range not satisfiable"),
  REQUEST_TOO_COSTLY(ErrorCode.REQUEST_TOO_COSTLY, HttpStatus.BAD_REQUEST, "Request too costly"),
  RATE_LIMIT_EXCEEDED(
      ErrorCode.RATE_LIMIT_EXCEEDED, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"),
  SERVER_OVERLOADED(ErrorCode.SERVER_OVERLOADED, HttpStatus.SERVICE_UNAVAILABLE, "Server busy");

  private final ErrorCode code;
  private final HttpStatus status;
  private final String title;

  ProblemTypes(ErrorCode code, HttpStatus status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  static ProblemTypes of(ErrorCode code) {
    for (ProblemTypes type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalStateException("no problem type for " + code);
  }

  HttpStatus status() {
    return status;
  }

  Problem problem(String detail, String requestId) {
    String uri =
        "urn:fibonacci:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return new Problem(uri, title, status.getCode(), detail, requestId);
  }
}
