package io.fibonacci.domain.model.job;

/** Where a job stands: queued → running → succeeded | failed | cancelled, and nothing else. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** Whether the job has ended: nothing changes it any more. */
  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
