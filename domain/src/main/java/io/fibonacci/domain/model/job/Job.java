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
 * count, a failed one its error. The constructor admits only states the transitions can reach, so a
 * job a store hands back is as sound as one made here.
 *
 * @param startedAt when a worker took it; null while queued (and for a job ended before that)
 * @param finishedAt when it ended; null until then
 * @param digits the digit count of F(n), once succeeded
 * @param error why it failed, once failed
 */
public record Job(
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

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    boolean started = status == JobStatus.RUNNING || status == JobStatus.SUCCEEDED;
    boolean reachable =
        progress >= 0
            && progress <= 1
            && status.isFinished() == (finishedAt != null)
            && (status != JobStatus.QUEUED || startedAt == null)
            && (!started || startedAt != null)
            && (status == JobStatus.SUCCEEDED) == (digits != null)
            && (status == JobStatus.FAILED) == (error != null);
    if (!reachable) {
      throw new IllegalArgumentException("no transition leads to this job: " + status);
    }
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

  /** A worker took the job. */
  public Job start(Instant now) {
    require(JobStatus.QUEUED, "start");
    return next(JobStatus.RUNNING, now, null, progress, null, null);
  }

  /** The computation has done {@code fraction} of its work; a smaller value than before is kept. */
  public Job progressed(double fraction) {
    require(JobStatus.RUNNING, "report progress on");
    double kept = Math.max(progress, Math.min(1, Math.max(0, fraction)));
    return next(status, startedAt, null, kept, null, null);
  }

  /** The value is computed and stored. */
  public Job succeed(Instant now, int digitCount) {
    require(JobStatus.RUNNING, "succeed");
    return next(JobStatus.SUCCEEDED, startedAt, now, 1, digitCount, null);
  }

  /** The job could not be done: {@code reason} says why, for the client. */
  public Job fail(Instant now, String reason) {
    requireUnfinished("fail");
    return next(JobStatus.FAILED, startedAt, now, progress, null, Objects.requireNonNull(reason));
  }

  /** The client withdrew the job before it finished. */
  public Job cancel(Instant now) {
    requireUnfinished("cancel");
    return next(JobStatus.CANCELLED, startedAt, now, progress, null, null);
  }

  public boolean isOwnedBy(ClientKey client) {
    return owner.equals(client);
  }

  private Job next(
      JobStatus state,
      @Nullable Instant started,
      @Nullable Instant finished,
      double nextProgress,
      @Nullable Integer digitCount,
      @Nullable String reason) {
    return new Job(
        id, position, owner, state, createdAt, started, finished, nextProgress, digitCount, reason);
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
}
