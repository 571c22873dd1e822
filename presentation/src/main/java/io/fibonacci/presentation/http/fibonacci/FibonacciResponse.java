package io.fibonacci.presentation.http.fibonacci;

import io.fibonacci.presentation.http.representation.Representation;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The v1 JSON body. The service writes it directly from the digit buffer (see {@link
 * Representation#JSON}); this record is its documented schema and what clients in Java read.
 */
@Serdeable
@Schema(name = "Fibonacci", description = "F(n), exact")
public record FibonacciResponse(
    @Schema(description = "The position n", example = "10") int n,
    @Schema(
            description = "F(n) in decimal, as a string so no client loses precision",
            example = "55")
        String value,
    @Schema(description = "The number of decimal digits of the value", example = "2") int digits) {}
