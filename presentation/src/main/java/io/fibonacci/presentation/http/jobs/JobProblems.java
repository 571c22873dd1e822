package io.fibonacci.presentation.http.jobs;

import io.fibonacci.presentation.http.problem.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers every job route may give: the id is unknown, the client's limit hit, or the
 * job store unreachable.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ApiResponse(
    responseCode = "404",
    description = "No job of this client has that id",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "401",
    description =
        "A credential was presented and refused (malformed, mistyped, unknown, revoked); never"
            + " served as anonymous",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "429",
    description = "A rate limit is exhausted, or too many jobs are active; Retry-After says when",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "503",
    description =
        "The job store cannot be reached (problem jobs-unavailable; the synchronous API still"
            + " answers), or, for a submission, the queue is full (server-overloaded);"
            + " Retry-After says when to try again",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@interface JobProblems {}
