package io.fibonacci.presentation.http.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fibonacci.application.port.in.index.FibonacciIndexAnswer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Where a value sits in the sequence: its n, or the n of its neighbours. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FibonacciIndex", description = "Whether a value is a Fibonacci number, and which")
public record FibonacciIndexResponse(
    @Schema(description = "The value, canonical decimal", example = "144") String value,
    @Schema(description = "Whether the value is a Fibonacci number") boolean fibonacci,
    @Schema(
            description = "Its position, when it is one (for 1: 1)",
            nullable = true,
            example = "12")
        @Nullable
        Long n,
    @Schema(description = "When it is not: the n of the largest Fibonacci number below it")
        @Nullable
        Long below,
    @Schema(description = "When it is not: the n of the smallest Fibonacci number above it")
        @Nullable
        Long above) {

  static FibonacciIndexResponse of(FibonacciIndexAnswer answer) {
    return new FibonacciIndexResponse(
        answer.value(), answer.fibonacci(), answer.n(), answer.below(), answer.above());
  }
}
