package io.fibonacci.presentation.http.fibonacci;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;

/** The seed-compatible JSON body: the value as a JSON number, as the earlier services wrote it. */
@Serdeable
@Schema(name = "SeedFibonacci", description = "F(n) with the value as a JSON number")
public record SeedFibonacciResponse(
    @Schema(description = "The position n", example = "10") int n,
    @Schema(description = "F(n) as a JSON number", type = "integer", example = "55")
        BigInteger fibonacci) {}
