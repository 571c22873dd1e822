package io.fibonacci.application.port.in.jobs;

import io.fibonacci.shared.Nullable;
import java.time.Instant;

/**
 * A job as its owner sees it.
 *
 * @param status one of {@code queued}, {@code running}, {@code succeeded}, {@code failed}, {@code
 *     cancelled}
 * @param progress from 0 to 1, never going back
 * @param digits the digit count of F(n), once succeeded
 * @param error why the job failed, once failed
 */
public record JobView(
    String id,
    long n,
    String status,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    double progress,
    @Nullable Integer digits,
    @Nullable String error) {

  /** Whether nothing will change the job any more. */
  public boolean isFinished() {
    return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
  }
}
