package io.fibonacci.shared;

/**
 * Stable identifiers of everything that can go wrong for a caller. The HTTP layer maps each code to
 * one status and one problem type; the codes never change meaning once published.
 */
public enum ErrorCode {
  /** The position is missing, malformed or outside the allowed range. */
  INVALID_POSITION,
  /** The position was given in a form the API does not accept, e.g. more than once. */
  INVALID_PARAMETER,
  /** None of the representations the client accepts is offered. */
  NOT_ACCEPTABLE,
  /** The requested byte range lies outside the representation. */
  RANGE_NOT_SATISFIABLE,
  /** The request costs more tokens than the client's bucket can ever hold. */
  REQUEST_TOO_COSTLY,
  /** A rate limit of the client is exhausted for now. */
  RATE_LIMIT_EXCEEDED,
  /** The server sheds load: too many heavy computations are already queued. */
  SERVER_OVERLOADED,
  /** No job of this client has that id (it never existed, was removed, or belongs to another). */
  JOB_NOT_FOUND,
  /** The client already has as many queued or running jobs as it may. */
  TOO_MANY_JOBS,
  /** The job has no result: it is not finished yet, or it failed or was cancelled. */
  JOB_NOT_FINISHED,
  /** An idempotency key was used again with another request. */
  IDEMPOTENCY_KEY_REUSED,
  /** The request body is not of a media type the resource reads. */
  UNSUPPORTED_MEDIA_TYPE,
  /** The request body is larger than the resource reads. */
  BODY_TOO_LARGE,
  /** The store of jobs cannot be reached for now; nothing was decided. */
  JOBS_UNAVAILABLE,
  /** A credential was presented and refused: malformed, unknown, revoked, expired, forged. */
  INVALID_CREDENTIALS,
  /** The key store cannot be reached to check a credential not seen lately; nothing was decided. */
  CREDENTIALS_UNAVAILABLE
}
