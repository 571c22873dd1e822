package io.fibonacci.presentation.http.index;

import io.fibonacci.application.port.in.index.FibonacciIndexAnswer;
import io.fibonacci.application.port.in.index.FibonacciIndexQuery;
import io.fibonacci.application.port.in.index.FindFibonacciIndexUseCase;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.client.RateLimitHeaders;
import io.fibonacci.presentation.http.openapi.CommonResponses;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.fibonacci.presentation.http.problem.InvalidParameterException;
import io.fibonacci.presentation.http.problem.QueryParameters;
import io.fibonacci.presentation.http.problem.UnsupportedMediaTypeException;
import io.fibonacci.presentation.http.representation.ImmutableAnswer;
import io.fibonacci.shared.FibonacciException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Whether a value is a Fibonacci number and which: the inverse of F. */
@Controller(FibonacciIndexController.PATH)
@Tag(name = "index", description = "The position of a value in the sequence")
public class FibonacciIndexController {

  static final String PATH = "/api/v1/fibonacci-index";
  static final String VALUE = "value";

  /** The most characters a value may have in the query; longer ones are sent in a body. */
  static final int MAX_QUERY_CHARACTERS = 10_000;

  private final FindFibonacciIndexUseCase index;
  private final ClientKeyResolver clientKeys;

  FibonacciIndexController(FindFibonacciIndexUseCase index, ClientKeyResolver clientKeys) {
    this.index = index;
    this.clientKeys = clientKeys;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The position of a value, query form",
      description =
          "value: up to 10,000 ASCII decimal digits (POST a longer one). A value of up to 18"
              + " digits costs 1 token and is answered at once; a larger one costs what F(n) at"
              + " its estimated position costs, and is confirmed against that F(n) (cached, or"
              + " computed as GET /api/v1/fibonacci/{n} would, shed with 503 when the pool is"
              + " full).")
  @Parameter(
      name = VALUE,
      in = ParameterIn.QUERY,
      required = true,
      description = "A non-negative integer: 1 to 10,000 ASCII decimal digits",
      schema = @Schema(type = "string", pattern = "^[0-9]{1,10000}$", example = "144"))
  @ApiResponse(
      responseCode = "200",
      description = "Its position, or those of its neighbours; immutable, with a strong ETag",
      content = @Content(schema = @Schema(implementation = FibonacciIndexResponse.class)))
  @CommonResponses
  public CompletionStage<MutableHttpResponse<?>> byQuery(HttpRequest<?> request) {
    String value;
    try {
      value = singleValue(request);
    } catch (FibonacciException refused) {
      return CompletableFuture.completedFuture(FibonacciExceptionHandler.respond(request, refused));
    }
    return find(
        request,
        value,
        answer ->
            ImmutableAnswer.json(
                request,
                FibonacciIndexResponse.of(answer),
                "index/" + answer.value(),
                answer.cost(),
                answer.rateLimit()));
  }

  @Post(produces = MediaType.APPLICATION_JSON)
  @Consumes(MediaType.ALL)
  @Operation(
      summary = "The position of a value, body form",
      description =
          "The value as a text/plain body (ASCII decimal digits; a final line break is ignored),"
              + " of up to as many digits as F(fibonacci.max-n) has; otherwise as the query form.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.TEXT_PLAIN,
              schema = @Schema(type = "string", pattern = "^[0-9]+\\r?\\n?$", example = "144")))
  @ApiResponse(
      responseCode = "200",
      description = "Its position, or those of its neighbours",
      content = @Content(schema = @Schema(implementation = FibonacciIndexResponse.class)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not text/plain",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @CommonResponses
  public CompletionStage<MutableHttpResponse<?>> byBody(
      HttpRequest<?> request, @Body @Nullable byte[] body) {
    MediaType type = request.getContentType().orElse(null);
    if (type == null || !MediaType.TEXT_PLAIN.equals(type.getName())) {
      return CompletableFuture.completedFuture(
          FibonacciExceptionHandler.respond(
              request,
              new UnsupportedMediaTypeException(
                  "the value is sent as a text/plain body of decimal digits")));
    }
    String value =
        withoutFinalLineBreak(body == null ? "" : new String(body, StandardCharsets.US_ASCII));
    return find(
        request,
        value,
        answer -> {
          MutableHttpResponse<?> response =
              HttpResponse.ok(FibonacciIndexResponse.of(answer))
                  .contentType(MediaType.APPLICATION_JSON_TYPE)
                  .header(HttpHeaders.CACHE_CONTROL, "no-store")
                  .header(RateLimitHeaders.REQUEST_COST, Long.toString(answer.cost()));
          RateLimitHeaders.apply(response, answer.rateLimit());
          return response;
        });
  }

  /** The use case's answer as {@code respond} writes it, or the problem that replaces it. */
  private CompletionStage<MutableHttpResponse<?>> find(
      HttpRequest<?> request,
      String value,
      Function<FibonacciIndexAnswer, MutableHttpResponse<?>> respond) {
    return index
        .find(new FibonacciIndexQuery(value, clientKeys.resolve(request)))
        .handle(
            (answer, failure) ->
                failure == null
                    ? respond.apply(answer)
                    : FibonacciExceptionHandler.respond(
                        request, FibonacciExceptionHandler.expectedOrRethrow(failure)));
  }

  private static String singleValue(HttpRequest<?> request) {
    String given = QueryParameters.single(request, VALUE);
    String value = given == null ? "" : given;
    if (value.length() > MAX_QUERY_CHARACTERS) {
      throw new InvalidParameterException(
          "value has "
              + value.length()
              + " characters, more than the 10,000 a query takes: POST it to "
              + PATH
              + " as a text/plain body");
    }
    return value;
  }

  private static String withoutFinalLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
