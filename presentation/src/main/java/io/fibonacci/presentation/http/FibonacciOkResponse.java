package io.fibonacci.presentation.http;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The documented 200 of the v1 routes: JSON with the value as a string, or bare digits. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(
    responseCode = "200",
    description = "F(n)",
    content = {
      @Content(
          mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = FibonacciResponse.class)),
      @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string", example = "55"))
    })
@CommonResponses
@interface FibonacciOkResponse {}
