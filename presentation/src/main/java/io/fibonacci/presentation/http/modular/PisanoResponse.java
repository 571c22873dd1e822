package io.fibonacci.presentation.http.modular;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The Pisano period of m. */
@Serdeable
@Schema(name = "PisanoPeriod", description = "The period of the Fibonacci sequence modulo m")
public record PisanoResponse(
    @Schema(description = "m, from 1 to 10^12", example = "10") long m,
    @Schema(description = "The least π > 0 with F(π) ≡ 0 and F(π + 1) ≡ 1 (mod m)", example = "60")
        long period) {}
