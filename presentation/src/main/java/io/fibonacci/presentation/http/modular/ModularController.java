package io.fibonacci.presentation.http.modular;

import io.fibonacci.application.port.in.modular.GetModularFibonacciUseCase;
import io.fibonacci.application.port.in.modular.GetPisanoPeriodUseCase;
import io.fibonacci.application.port.in.modular.ModularFibonacciQuery;
import io.fibonacci.application.port.in.modular.PisanoPeriodQuery;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.openapi.CommonResponses;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.fibonacci.presentation.http.representation.ImmutableAnswer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletionStage;

/** F(n) mod m for huge n and m, and the Pisano period of m. */
@Controller("/api/v1")
@Tag(name = "modular", description = "The sequence modulo m")
public class ModularController {

  private final GetModularFibonacciUseCase modular;
  private final GetPisanoPeriodUseCase pisano;
  private final ClientKeyResolver clientKeys;

  ModularController(
      GetModularFibonacciUseCase modular,
      GetPisanoPeriodUseCase pisano,
      ClientKeyResolver clientKeys) {
    this.modular = modular;
    this.pisano = pisano;
    this.clientKeys = clientKeys;
  }

  @Get(uri = "/fibonacci/{n}/mod/{m}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "F(n) mod m",
      description =
          "For n from 0 and m from 1, each of up to 1,000 decimal digits, by fast doubling modulo"
              + " m (F(n) itself is never formed). Small operands are answered at once; large ones"
              + " run on the compute pool and are shed with 503 when it is full. Costs 1 token plus"
              + " 1 per 2^19 units of work (bits of n times the square of m's 32-bit words): 1,000-digit"
              + " n and m cost 69.")
  @ApiResponse(
      responseCode = "200",
      description = "F(n) mod m; immutable, with a strong ETag",
      content = @Content(schema = @Schema(implementation = ModularResponse.class)))
  @CommonResponses
  public CompletionStage<MutableHttpResponse<?>> modulo(
      @Parameter(
              description = "The position: 1 to 1,000 ASCII decimal digits",
              schema = @Schema(type = "string", pattern = "^[0-9]{1,1000}$", example = "10"))
          @PathVariable("n")
          String n,
      @Parameter(
              description = "The modulus, at least 1: 1 to 1,000 ASCII decimal digits",
              schema = @Schema(type = "string", pattern = "^[0-9]{1,1000}$", example = "7"))
          @PathVariable("m")
          String m,
      HttpRequest<?> request) {
    return modular
        .get(new ModularFibonacciQuery(n, m, clientKeys.resolve(request)))
        .handle(
            (answer, failure) ->
                failure == null
                    ? ImmutableAnswer.json(
                        request,
                        new ModularResponse(answer.n(), answer.m(), answer.value()),
                        "mod/" + answer.n() + "/" + answer.m(),
                        answer.cost(),
                        answer.rateLimit())
                    : FibonacciExceptionHandler.respond(
                        request, FibonacciExceptionHandler.expectedOrRethrow(failure)));
  }

  @Get(uri = "/pisano/{m}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The Pisano period of m",
      description =
          "The period of F mod m for 1 <= m <= 10^12, from m's factors (checked against the"
              + " definition before it is returned). m up to 10^8 is answered at once; larger m"
              + " runs on the compute pool. Costs 1 token plus 1 per 1,000,000 trial divisions"
              + " (about 2 √m), 3 at most.")
  @ApiResponse(
      responseCode = "200",
      description = "π(m); immutable, with a strong ETag",
      content = @Content(schema = @Schema(implementation = PisanoResponse.class)))
  @CommonResponses
  public CompletionStage<MutableHttpResponse<?>> pisano(
      @Parameter(
              description = "The modulus: an integer from 1 to 10^12",
              schema = @Schema(type = "string", pattern = "^[0-9]{1,13}$", example = "10"))
          @PathVariable("m")
          String m,
      HttpRequest<?> request) {
    return pisano
        .get(new PisanoPeriodQuery(m, clientKeys.resolve(request)))
        .handle(
            (answer, failure) ->
                failure == null
                    ? ImmutableAnswer.json(
                        request,
                        new PisanoResponse(answer.m(), answer.period()),
                        "pisano/" + answer.m(),
                        answer.cost(),
                        answer.rateLimit())
                    : FibonacciExceptionHandler.respond(
                        request, FibonacciExceptionHandler.expectedOrRethrow(failure)));
  }
}
