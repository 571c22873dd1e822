package io.fibonacci.domain.model.job;

import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.shared.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * The job aggregate: F(n) computed asynchronously for the client that asked. Immutable; every
 * transition returns the next job and refuses what the state machine does not allow:
 *
 * <pre>
 *   queued → running → succeeded | failed | cancelled
 *   queued → failed | cancelled
 * </pre>
 *
 * Progress runs from 0 to 1 and never goes back; a succeeded job has progress 1 and its digit
 * count, a failed one its error.
 */
public final class Job {

  private final JobId id;
  private final Position position;
  private final ClientKey owner;
  private final JobStatus status;
  private final Instant createdAt;
  private final @Nullable Instant startedAt;
  private final @Nullable Instant finishedAt;
  private final double progress;
  private final @Nullable Integer digits;
  private final @Nullable String error;

  private Job(
      JobId id,
      Position position,
      ClientKey owner,
      JobStatus status,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      double progress,
      @Nullable Integer digits,
      @Nullable String error) {
    this.id = Objects.requireNonNull(id, "id");
    this.position = Objects.requireNonNull(position, "position");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.status = Objects.requireNonNull(status, "status");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.progress = progress;
    this.digits = digits;
    this.error = error;
  }

  /** A job just submitted: queued, nothing done. */
  public static Job submitted(JobId id, Position position, ClientKey owner, Instant now) {
    return new Job(id, position, owner, JobStatus.QUEUED, now, null, null, 0, null, null);
  }

  /** A job for a value already known (cached, or small enough): born succeeded. */
  public static Job alreadyKnown(
      JobId id, Position position, ClientKey owner, Instant now, int digits) {
    return new Job(id, position, owner, JobStatus.SUCCEEDED, now, now, now, 1, digits, null);
  }

  /**
   * A job as a store kept it. The state must be one the transitions can reach: finished exactly
   * when it has a finish time, succeeded exactly when it has digits, failed exactly when it has an
   * error.
   */
  public static Job restored(
      JobId id,
      Position position,
      ClientKey owner,
      JobStatus status,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      double progress,
      @Nullable Integer digits,
      @Nullable String error) {
    boolean started = status == JobStatus.RUNNING || status == JobStatus.SUCCEEDED;
    boolean consistent =
        progress >= 0
            && progress <= 1
            && status.isFinished() == (finishedAt != null)
            && (status != JobStatus.QUEUED || startedAt == null)
            && (!started || startedAt != null)
            && (status == JobStatus.SUCCEEDED) == (digits != null)
            && (status == JobStatus.FAILED) == (error != null);
    if (!consistent) {
      throw new IllegalArgumentException("no transition leads to this job: " + status);
    }
    return new Job(
        id, position, owner, status, createdAt, startedAt, finishedAt, progress, digits, error);
  }

  /** A worker took the job. */
  public Job start(Instant now) {
    require(JobStatus.QUEUED, "start");
    return with(JobStatus.RUNNING, now, null, progress, null, null);
  }

  /** The computation has done {@code fraction} of its work; a smaller value than before is kept. */
  public Job progressed(double fraction) {
    require(JobStatus.RUNNING, "report progress on");
    double next = Math.max(progress, Math.min(1, Math.max(0, fraction)));
    return with(status, startedAt, null, next, null, null);
  }

  /** The value is computed and stored. */
  public Job succeed(Instant now, int digitCount) {
    require(JobStatus.RUNNING, "succeed");
    return with(JobStatus.SUCCEEDED, startedAt, now, 1, digitCount, null);
  }

  /** The job could not be done: {@code reason} says why, for the client. */
  public Job fail(Instant now, String reason) {
    requireUnfinished("fail");
    return with(JobStatus.FAILED, startedAt, now, progress, null, Objects.requireNonNull(reason));
  }

  /** The client withdrew the job before it finished. */
  public Job cancel(Instant now) {
    requireUnfinished("cancel");
    return with(JobStatus.CANCELLED, startedAt, now, progress, null, null);
  }

  public boolean isOwnedBy(ClientKey client) {
    return owner.equals(client);
  }

  public JobId id() {
    return id;
  }

  public Position position() {
    return position;
  }

  public ClientKey owner() {
    return owner;
  }

  public JobStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public @Nullable Instant startedAt() {
    return startedAt;
  }

  public @Nullable Instant finishedAt() {
    return finishedAt;
  }

  public double progress() {
    return progress;
  }

  public @Nullable Integer digits() {
    return digits;
  }

  public @Nullable String error() {
    return error;
  }

  private Job with(
      JobStatus next,
      @Nullable Instant started,
      @Nullable Instant finished,
      double nextProgress,
      @Nullable Integer digitCount,
      @Nullable String reason) {
    return new Job(
        id, position, owner, next, createdAt, started, finished, nextProgress, digitCount, reason);
  }

  private void require(JobStatus expected, String action) {
    if (status != expected) {
      throw new IllegalStateException("cannot " + action + " a job that is " + status);
    }
  }

  private void requireUnfinished(String action) {
    if (status.isFinished()) {
      throw new IllegalStateException("cannot " + action + " a job that is " + status);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Job that
        && id.equals(that.id)
        && position.equals(that.position)
        && owner.equals(that.owner)
        && status == that.status
        && createdAt.equals(that.createdAt)
        && Objects.equals(startedAt, that.startedAt)
        && Objects.equals(finishedAt, that.finishedAt)
        && progress == that.progress
        && Objects.equals(digits, that.digits)
        && Objects.equals(error, that.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, progress);
  }

  @Override
  public String toString() {
    return "Job[" + id + ", n=" + position.value() + ", " + status + ", " + progress + "]";
  }
}
