package io.fibonacci.presentation.http.sequence;

import io.fibonacci.application.port.in.sequence.GetSequencePageUseCase;
import io.fibonacci.application.port.in.sequence.SequencePage;
import io.fibonacci.application.port.in.sequence.SequenceQuery;
import io.fibonacci.application.port.in.sequence.SequenceStream;
import io.fibonacci.application.port.in.sequence.StreamSequenceUseCase;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.client.RateLimitHeaders;
import io.fibonacci.presentation.http.openapi.CommonResponses;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.fibonacci.presentation.http.problem.QueryParameters;
import io.fibonacci.presentation.http.representation.ImmutableAnswer;
import io.fibonacci.presentation.http.representation.Representation;
import io.fibonacci.shared.FibonacciException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Runs of the sequence: a JSON page with RFC 8288 links, or a stream of NDJSON or CSV rows. */
@Controller(SequenceController.PATH)
@Tag(name = "sequence", description = "Consecutive Fibonacci numbers")
public class SequenceController {

  static final String PATH = "/api/v1/sequence";

  private final GetSequencePageUseCase pages;
  private final StreamSequenceUseCase streams;
  private final SequenceStreamer streamer;
  private final ClientKeyResolver clientKeys;

  SequenceController(
      GetSequencePageUseCase pages,
      StreamSequenceUseCase streams,
      SequenceStreamer streamer,
      ClientKeyResolver clientKeys) {
    this.pages = pages;
    this.streams = streams;
    this.streamer = streamer;
    this.clientKeys = clientKeys;
  }

  @Get(produces = {MediaType.APPLICATION_JSON, "application/x-ndjson", "text/csv"})
  @Operation(
      summary = "Consecutive values from start, up or down",
      description =
          "JSON (the default): a page of up to `limit` (1 to 1,000, default 100) values, cut"
              + " before its rows pass fibonacci.sequence.max-page-bytes (4 MiB), with Link"
              + " headers (next, prev, first, last; next continues where a cut page stopped),"
              + " a strong ETag and 304, cacheable for a year. `Accept: application/x-ndjson`"
              + " (one {\"n\":..,\"value\":\"..\"} per line) or `text/csv` (an `n,value` header,"
              + " then rows): a stream of up to `limit` (1 to 100,000) rows and 256 MiB, written"
              + " as the reader takes them. Values after the first two come by addition. Costs 1"
              + " token plus 1 per 20,000 bytes of rows (digits + 24 bytes each), charged before"
              + " the first byte. Pages and streams are sent uncompressed.")
  @Parameter(
      name = "start",
      in = ParameterIn.QUERY,
      description = "The first position, 0 to fibonacci.max-n; default 0",
      schema = @Schema(type = "string", pattern = "^[0-9]+$", example = "0"))
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description =
          "How many values: 1 to 1,000 for a page, 1 to 100,000 for a stream; default 100",
      schema = @Schema(type = "string", pattern = "^[0-9]+$", example = "100"))
  @Parameter(
      name = "order",
      in = ParameterIn.QUERY,
      description = "asc (default) or desc",
      schema =
          @Schema(
              type = "string",
              allowableValues = {"asc", "desc"}))
  @ApiResponse(
      responseCode = "200",
      description = "A page, or a stream of rows",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SequencePageResponse.class)),
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
      })
  @CommonResponses
  public CompletionStage<MutableHttpResponse<?>> sequence(HttpRequest<?> request) {
    SequenceForm form;
    SequenceQuery query;
    try {
      form = SequenceForm.choose(request);
      String start = QueryParameters.single(request, "start");
      query =
          new SequenceQuery(
              start == null ? "0" : start,
              QueryParameters.single(request, "limit"),
              QueryParameters.single(request, "order"),
              clientKeys.resolve(request));
    } catch (FibonacciException refused) {
      return CompletableFuture.completedFuture(FibonacciExceptionHandler.respond(request, refused));
    }
    if (form.streamed()) {
      return streams.stream(query)
          .handle(
              (stream, failure) ->
                  failure == null ? streamed(stream, form) : failed(request, failure));
    }
    return pages
        .page(query)
        .handle(
            (page, failure) -> failure == null ? paged(request, page) : failed(request, failure));
  }

  private MutableHttpResponse<?> streamed(SequenceStream stream, SequenceForm form) {
    MutableHttpResponse<?> response =
        HttpResponse.ok(streamer.body(stream, form))
            .contentType(form.contentType())
            .header(HttpHeaders.CACHE_CONTROL, ImmutableAnswer.CACHE_CONTROL)
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
            .header(RateLimitHeaders.REQUEST_COST, Long.toString(stream.cost()));
    RateLimitHeaders.apply(response, stream.rateLimit());
    return response;
  }

  private static MutableHttpResponse<?> paged(HttpRequest<?> request, SequencePage page) {
    String identity =
        page.start()
            + "/"
            + page.limit()
            + "/"
            + page.order()
            + "/"
            + page.total()
            + "/"
            + page.items().size();
    return ImmutableAnswer.json(
            request,
            () -> SequenceRows.page(page),
            Representation.SEQUENCE_TAG_PREFIX,
            identity,
            page.cost(),
            page.rateLimit())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .header("Link", links(page));
  }

  /** RFC 8288: next and prev when they exist, first and last always. */
  static String links(SequencePage page) {
    StringBuilder links = new StringBuilder();
    if (page.next() != null) {
      link(links, page, page.next(), "next");
    }
    if (page.prev() != null) {
      link(links, page, page.prev(), "prev");
    }
    link(links, page, page.first(), "first");
    link(links, page, page.last(), "last");
    return links.toString();
  }

  private static void link(StringBuilder links, SequencePage page, int start, String relation) {
    if (!links.isEmpty()) {
      links.append(", ");
    }
    links
        .append('<')
        .append(PATH)
        .append("?start=")
        .append(start)
        .append("&limit=")
        .append(page.limit())
        .append("&order=")
        .append(page.order())
        .append(">; rel=\"")
        .append(relation)
        .append('"');
  }

  private static MutableHttpResponse<?> failed(HttpRequest<?> request, Throwable failure) {
    return FibonacciExceptionHandler.respond(
        request, FibonacciExceptionHandler.expectedOrRethrow(failure));
  }
}
