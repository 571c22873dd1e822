package io.fibonacci.presentation.http.fibonacci;

import io.fibonacci.presentation.http.openapi.CommonResponses;
import io.fibonacci.presentation.http.openapi.OpenApiHeaders;
import io.fibonacci.presentation.http.openapi.RangeResponses;
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

/** The documented 200 of the seed-compatible routes: the value as a JSON number. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(
    responseCode = "200",
    description = "F(n)",
    headers = {
      @Header(name = "ETag", description = OpenApiHeaders.ETAG, schema = @Schema(type = "string")),
      @Header(
          name = "Cache-Control",
          description = OpenApiHeaders.CACHE_CONTROL,
          schema = @Schema(type = "string")),
      @Header(name = "Vary", description = OpenApiHeaders.VARY, schema = @Schema(type = "string")),
      @Header(
          name = "Content-Encoding",
          description = OpenApiHeaders.CONTENT_ENCODING,
          schema = @Schema(type = "string")),
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
    content =
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeedFibonacciResponse.class)))
@RangeResponses
@CommonResponses
@interface SeedOkResponse {}
