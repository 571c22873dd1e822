package io.fibonacci.presentation.http.openapi;

import io.fibonacci.presentation.http.problem.Problem;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers every Fibonacci route shares besides its 200, documented once. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ApiResponse(
    responseCode = "304",
    description = "Not Modified: the If-None-Match tag matched; no body",
    headers = {
      @Header(name = "ETag", description = OpenApiHeaders.ETAG, schema = @Schema(type = "string")),
      @Header(
          name = "Cache-Control",
          description = OpenApiHeaders.CACHE_CONTROL,
          schema = @Schema(type = "string")),
      @Header(name = "Vary", description = OpenApiHeaders.VARY, schema = @Schema(type = "string")),
      @Header(
          name = "X-Request-Id",
          description = OpenApiHeaders.X_REQUEST_ID,
          schema = @Schema(type = "string"))
    })
@ApiResponse(
    responseCode = "400",
    description = "n is missing, malformed, repeated, above max-n, or costlier than the bucket",
    headers = {
      @Header(
          name = "X-Request-Id",
          description = OpenApiHeaders.X_REQUEST_ID,
          schema = @Schema(type = "string"))
    },
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "401",
    description =
        "A credential was presented and refused (malformed, mistyped, unknown, revoked); never"
            + " served as anonymous. Send none to be anonymous",
    headers = {
      @Header(
          name = "WWW-Authenticate",
          description = OpenApiHeaders.WWW_AUTHENTICATE,
          schema = @Schema(type = "string"))
    },
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "406",
    description =
        "None of the accepted media types (Accept) or content codings (Accept-Encoding) is offered",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "429",
    description = "A rate limit is exhausted; Retry-After says when to try again",
    headers = {
      @Header(
          name = "Retry-After",
          description = OpenApiHeaders.RETRY_AFTER,
          schema = @Schema(type = "integer")),
      @Header(
          name = "RateLimit",
          description = OpenApiHeaders.RATELIMIT,
          schema = @Schema(type = "string")),
      @Header(
          name = "RateLimit-Policy",
          description = OpenApiHeaders.RATELIMIT_POLICY,
          schema = @Schema(type = "string")),
      @Header(
          name = "X-Request-Id",
          description = OpenApiHeaders.X_REQUEST_ID,
          schema = @Schema(type = "string"))
    },
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
    responseCode = "503",
    description = "Too many heavy computations queued (load shedding); Retry-After says when",
    headers = {
      @Header(
          name = "Retry-After",
          description = OpenApiHeaders.RETRY_AFTER,
          schema = @Schema(type = "integer")),
      @Header(
          name = "X-Request-Id",
          description = OpenApiHeaders.X_REQUEST_ID,
          schema = @Schema(type = "string"))
    },
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface CommonResponses {}
