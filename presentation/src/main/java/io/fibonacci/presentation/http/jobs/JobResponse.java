package io.fibonacci.presentation.http.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fibonacci.application.port.in.jobs.JobView;
import io.fibonacci.presentation.http.problem.Problem;
import io.fibonacci.shared.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A job as the API shows it (API.md, "Jobs"). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Job", description = "A computation of F(n) run asynchronously")
public record JobResponse(
    @Schema(description = "Unguessable id (22 URL-safe characters)") String id,
    @Schema(description = "The position", example = "50000000") long n,
    @Schema(
            description = "queued, running, succeeded, failed or cancelled",
            allowableValues = {"queued", "running", "succeeded", "failed", "cancelled"})
        String status,
    @Schema(description = "RFC 3339 UTC") Instant createdAt,
    @Schema(description = "RFC 3339 UTC, once a worker took the job", nullable = true) @Nullable
        Instant startedAt,
    @Schema(description = "RFC 3339 UTC, once finished", nullable = true) @Nullable
        Instant finishedAt,
    @Schema(description = "Share of the work done, from 0 to 1, never going back") double progress,
    @Schema(description = "The digit count of F(n), once succeeded", nullable = true) @Nullable
        Integer digits,
    @Schema(description = "Where the value is read once the job succeeded") String result,
    @Schema(
            description = "Why the job failed (a problem object), present only once failed",
            type = "object",
            nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        Problem error) {

  static final String FAILED_TYPE = "urn:fibonacci:problem:job-failed";

  static JobResponse of(JobView job) {
    return new JobResponse(
        job.id(),
        job.n(),
        job.status(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        job.progress(),
        job.digits(),
        JobsController.PATH + "/" + job.id() + "/result",
        job.error() == null
            ? null
            : new Problem(FAILED_TYPE, "Job failed", 500, job.error(), null));
  }
}
