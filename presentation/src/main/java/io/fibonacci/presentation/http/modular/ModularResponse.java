package io.fibonacci.presentation.http.modular;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** F(n) mod m (API.md, "Sequence pages, modular values, index lookup"). */
@Serdeable
@Schema(name = "ModularFibonacci", description = "F(n) mod m, every number a decimal string")
public record ModularResponse(
    @Schema(description = "n, canonical decimal", example = "1000000000000000000") String n,
    @Schema(description = "m, canonical decimal", example = "1000000007") String m,
    @Schema(description = "F(n) mod m, from 0 to m - 1", example = "209783453") String value) {}
