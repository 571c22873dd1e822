package io.fibonacci.shared;

/**
 * The facts a failure carries, by name. The inner rings state them; presentation turns them into
 * the sentence a caller reads, so the wording lives in one place and the facts stay data.
 */
public enum Fact {
  /** Why a value was refused, one of the codes its exception documents (text). */
  REASON,
  /** The position the caller asked for. */
  POSITION,
  /** The largest value allowed. */
  MAXIMUM,
  /** What the request would cost, in tokens. */
  COST,
  /** The most a client's bucket holds, in tokens. */
  CAPACITY,
  /** Whole seconds to wait before trying again. */
  RETRY_AFTER_SECONDS,
  /** The id of the job concerned (text). */
  JOB_ID,
  /** The state a job is in (text: queued, running, succeeded, failed, cancelled). */
  JOB_STATUS,
  /** The name of the request parameter concerned (text). */
  PARAMETER,
  /** What the parameter accepts, as a phrase that completes "must be ..." (text). */
  ALLOWED
}
