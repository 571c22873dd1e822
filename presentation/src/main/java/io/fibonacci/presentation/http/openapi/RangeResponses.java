package io.fibonacci.presentation.http.openapi;

import io.fibonacci.presentation.http.problem.Problem;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers of every F(n) route to a Range request: 206 with the bytes, or 416. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ApiResponse(
    responseCode = "206",
    description =
        "Partial Content: the one byte range asked for (Range, and If-Range when given), of the"
            + " identity bytes of the representation",
    headers = {
      @Header(
          name = "Content-Range",
          description = OpenApiHeaders.CONTENT_RANGE,
          schema = @Schema(type = "string")),
      @Header(name = "ETag", description = OpenApiHeaders.ETAG, schema = @Schema(type = "string")),
      @Header(
          name = "Cache-Control",
          description = OpenApiHeaders.CACHE_CONTROL,
          schema = @Schema(type = "string")),
      @Header(name = "Vary", description = OpenApiHeaders.VARY, schema = @Schema(type = "string")),
      @Header(
          name = "Accept-Ranges",
          description = OpenApiHeaders.ACCEPT_RANGES,
          schema = @Schema(type = "string")),
      @Header(
          name = "RateLimit",
          description = OpenApiHeaders.RATELIMIT,
          schema = @Schema(type = "string")),
      @Header(
          name = "RateLimit-Policy",
          description = OpenApiHeaders.RATELIMIT_POLICY,
          schema = @Schema(type = "string")),
      @Header(
          name = "X-Request-Cost",
          description = OpenApiHeaders.X_REQUEST_COST,
          schema = @Schema(type = "integer")),
      @Header(
          name = "X-Request-Id",
          description = OpenApiHeaders.X_REQUEST_ID,
          schema = @Schema(type = "string"))
    },
    content = {
      @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string"))
    })
@ApiResponse(
    responseCode = "416",
    description = "Range Not Satisfiable: the range starts past the end of the representation",
    headers = {
      @Header(
          name = "Content-Range",
          description = OpenApiHeaders.CONTENT_RANGE,
          schema = @Schema(type = "string")),
      @Header(
          name = "X-Request-Id",
          description = OpenApiHeaders.X_REQUEST_ID,
          schema = @Schema(type = "string"))
    },
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface RangeResponses {}
