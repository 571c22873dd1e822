package io.fibonacci.presentation.http.jobs;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a submission, for the OpenAPI document (the controller reads it strictly itself). */
@Schema(name = "JobRequest", description = "The position to compute")
record JobRequest(
    @Schema(description = "n, an integer from 0 to fibonacci.jobs.max-n", example = "50000000")
        long n) {}
