package io.fibonacci.presentation.http.fibonacci;

import io.fibonacci.presentation.http.representation.FibonacciResponder;
import io.fibonacci.presentation.http.representation.Representation;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletionStage;

/**
 * The routes of the earlier Python services, kept so their clients work unchanged: the value is a
 * JSON number. Validation, limits, caching and rate limiting are those of v1.
 */
@Controller("/fibonacci")
@Tag(name = "seed-compatible", description = "Routes of the earlier services, value as a number")
public class SeedFibonacciController {

  private final FibonacciResponder responder;

  SeedFibonacciController(FibonacciResponder responder) {
    this.responder = responder;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "F(n) with the value as a JSON number (seed-compatible)",
      description = "Prefer `/api/v1/fibonacci`: JavaScript loses precision above 2^53.")
  @PositionQueryParameter
  @SeedOkResponse
  public CompletionStage<MutableHttpResponse<?>> byQuery(HttpRequest<?> request) {
    return responder.respond(request, PositionParameter.single(request), Representation.SEED_JSON);
  }

  @Get(uri = "/{n}", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "F(n) with the value as a JSON number (seed-compatible), path form")
  @SeedOkResponse
  public CompletionStage<MutableHttpResponse<?>> byPath(
      @Parameter(
              description = "The position: ASCII decimal digits, from 0 to fibonacci.max-n",
              schema = @Schema(type = "string", pattern = "^[0-9]+$", example = "10"))
          @PathVariable("n")
          String n,
      HttpRequest<?> request) {
    return responder.respond(request, n, Representation.SEED_JSON);
  }
}
