package io.fibonacci.presentation.http.fibonacci;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the query parameter n of the query-form routes (read by {@link PositionParameter}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(
    name = PositionParameter.NAME,
    in = ParameterIn.QUERY,
    required = true,
    description = "The position: ASCII decimal digits, from 0 to fibonacci.max-n",
    schema = @Schema(type = "string", pattern = "^[0-9]+$", example = "10"))
@interface PositionQueryParameter {}
