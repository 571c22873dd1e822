package io.fibonacci.presentation.http.fibonacci;

import io.fibonacci.presentation.http.jobs.JobHandOver;
import io.fibonacci.presentation.http.openapi.OpenApiHeaders;
import io.fibonacci.presentation.http.representation.ContentNegotiation;
import io.fibonacci.presentation.http.representation.FibonacciResponder;
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

/** The canonical v1 resource: F(n) as JSON with the value as a string, or as bare digits. */
@Controller("/api/v1/fibonacci")
@Tag(name = "fibonacci", description = "Exact Fibonacci numbers")
public class FibonacciController {

  private final FibonacciResponder responder;
  private final JobHandOver jobs;

  FibonacciController(FibonacciResponder responder, JobHandOver jobs) {
    this.responder = responder;
    this.jobs = jobs;
  }

  @Get(
      uri = "/{n}",
      produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      summary = "F(n) for one position n",
      description =
          "The exact value as a decimal string; `Accept: text/plain` returns the bare digits."
              + " Responses are immutable: a stable ETag, and 304 for a matching If-None-Match."
              + " With n above fibonacci.max-n and `Prefer: respond-async`, the answer is 202 with"
              + " the Location of a new job for n."
              + OpenApiHeaders.REQUEST_HEADERS)
  @FibonacciOkResponse
  public CompletionStage<MutableHttpResponse<?>> byPath(
      @Parameter(
              description = "The position: ASCII decimal digits, from 0 to fibonacci.max-n",
              schema = @Schema(type = "string", pattern = "^[0-9]+$", example = "10"))
          @PathVariable("n")
          String n,
      HttpRequest<?> request) {
    return jobs.handOver(request, n)
        .orElseGet(() -> responder.respond(request, n, ContentNegotiation.choose(request)));
  }

  @Get(produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      summary = "F(n), query form",
      description =
          "The same resource as `/api/v1/fibonacci/{n}`, with n given once as a query."
              + OpenApiHeaders.REQUEST_HEADERS)
  @PositionQueryParameter
  @FibonacciOkResponse
  public CompletionStage<MutableHttpResponse<?>> byQuery(HttpRequest<?> request) {
    return responder.respond(
        request, PositionParameter.single(request), ContentNegotiation.choose(request));
  }
}
