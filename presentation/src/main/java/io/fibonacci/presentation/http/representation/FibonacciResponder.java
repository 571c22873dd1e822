package io.fibonacci.presentation.http.representation;

import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.application.port.in.GetFibonacciQuery;
import io.fibonacci.application.port.in.GetFibonacciUseCase;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.client.RateLimitHeaders;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.fibonacci.presentation.http.problem.NotAcceptableException;
import io.fibonacci.presentation.http.problem.ProblemDetails;
import io.fibonacci.presentation.http.problem.RangeNotSatisfiableException;
import io.fibonacci.shared.ContentCoding;
import io.fibonacci.shared.FibonacciException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a request for F(n) into a response: negotiates the content coding, asks the use case, then
 * writes the representation with its caching, conditional, range and rate-limit headers. Shared by
 * the v1 and seed-compatible routes.
 */
@Singleton
public final class FibonacciResponder {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String BYTES = "bytes";

  private final GetFibonacciUseCase useCase;
  private final ClientKeyResolver clientKeys;
  private final String tooLargeHint;

  FibonacciResponder(
      GetFibonacciUseCase useCase,
      ClientKeyResolver clientKeys,
      @Value("${fibonacci.jobs.max-n:100000000}") long jobsMaxN) {
    this.useCase = useCase;
    this.clientKeys = clientKeys;
    this.tooLargeHint =
        "; a larger n, up to "
            + jobsMaxN
            + ", is computed as a job: POST /api/v1/jobs, or send this request with"
            + " Prefer: respond-async";
  }

  public CompletionStage<MutableHttpResponse<?>> respond(
      HttpRequest<?> request, String position, Representation representation) {
    String client = clientKeys.resolve(request);
    return respond(
        request,
        representation,
        coding -> useCase.get(new GetFibonacciQuery(position, client, coding)));
  }

  /**
   * The response for a value {@code source} delivers in the coding asked for: the same
   * representation rules (codings, ETag, Range, HEAD) wherever the value comes from.
   */
  public CompletionStage<MutableHttpResponse<?>> respond(
      HttpRequest<?> request,
      Representation representation,
      Function<ContentCoding, CompletionStage<FibonacciResult>> source) {
    AcceptEncoding accepted =
        AcceptEncoding.parse(request.getHeaders().getAll(HttpHeaders.ACCEPT_ENCODING));
    ContentCoding coding = accepted.preferred();
    if (coding == null) {
      return CompletableFuture.completedFuture(
          FibonacciExceptionHandler.respond(
              request,
              new NotAcceptableException(
                  "none of the accepted content codings is offered: use gzip or identity")));
    }
    // A range is served from the identity bytes: ask for no encoded form when identity will do.
    if (request.getHeaders().contains(HttpHeaders.RANGE)
        && accepted.accepts(ContentCoding.IDENTITY)) {
      coding = ContentCoding.IDENTITY;
    }
    return source
        .apply(coding)
        .handle(
            (result, failure) ->
                failure == null
                    ? toResponse(request, representation, accepted, result)
                    : expectedFailure(request, failure));
  }

  /**
   * Answers an expected failure (bad n, 429, 503) here rather than through the framework's
   * exception handling, which resolves a handler bean per error: a client hammering past its limit
   * must stay cheap to refuse. Anything else is rethrown to the framework.
   */
  private MutableHttpResponse<?> expectedFailure(HttpRequest<?> request, Throwable failure) {
    FibonacciException expected = FibonacciExceptionHandler.expectedOrRethrow(failure);
    return FibonacciExceptionHandler.respond(
        request, expected, ProblemDetails.isTooLargePosition(expected) ? tooLargeHint : "");
  }

  private static MutableHttpResponse<?> toResponse(
      HttpRequest<?> request,
      Representation representation,
      AcceptEncoding accepted,
      FibonacciResult result) {
    SelectedBody selected = SelectedBody.of(representation, result, accepted);
    boolean head = request.getMethod() == HttpMethod.HEAD;
    MutableHttpResponse<?> response;
    if (EntityTags.noneMatchHits(
        request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), selected.tag())) {
      response = HttpResponse.notModified();
    } else {
      response = withBody(request, representation, selected, head);
    }
    if (response.code() != HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.getCode()) {
      response
          .header(HttpHeaders.ETAG, selected.tag())
          .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
          .header(HttpHeaders.VARY, varyOf(representation));
    }
    response.header(RateLimitHeaders.REQUEST_COST, Long.toString(result.cost()));
    RateLimitHeaders.apply(response, result.rateLimit());
    return response;
  }

  /** The 200, or a 206 or 416 when a range applies to the identity bytes. */
  private static MutableHttpResponse<?> withBody(
      HttpRequest<?> request, Representation representation, SelectedBody selected, boolean head) {
    long length = selected.body().length();
    String rangeField = request.getHeaders().get(HttpHeaders.RANGE);
    ByteRange.Outcome range =
        rangeField != null
                && selected.coding() == ContentCoding.IDENTITY
                && EntityTags.ifRangeHolds(
                    request.getHeaders().get(HttpHeaders.IF_RANGE), selected.tag())
            ? ByteRange.evaluate(rangeField, length)
            : new ByteRange.Full();
    if (range instanceof ByteRange.Unsatisfiable unsatisfiable) {
      return FibonacciExceptionHandler.respond(
              request,
              new RangeNotSatisfiableException(
                  "the range is outside the %d bytes of this representation".formatted(length)))
          .header(HttpHeaders.CONTENT_RANGE, unsatisfiable.contentRange())
          .header(HttpHeaders.ACCEPT_RANGES, BYTES);
    }
    MutableHttpResponse<?> response;
    if (range instanceof ByteRange.Partial partial) {
      response = HttpResponse.status(HttpStatus.PARTIAL_CONTENT);
      response.header(HttpHeaders.CONTENT_RANGE, partial.contentRange());
      sendBody(
          response,
          head,
          partial.last() - partial.first() + 1,
          () -> selected.body().slice(partial.first(), partial.last()));
    } else {
      response = HttpResponse.ok();
      sendBody(response, head, length, () -> selected.body().toByteBuf());
    }
    response.contentType(representation.contentType()).header(HttpHeaders.ACCEPT_RANGES, BYTES);
    if (selected.coding() != ContentCoding.IDENTITY) {
      response.header(HttpHeaders.CONTENT_ENCODING, selected.coding().token());
    }
    return response;
  }

  /** A HEAD gets the length GET would send, and no body: nothing is built for it. */
  private static void sendBody(
      MutableHttpResponse<?> response, boolean head, long length, Supplier<Object> body) {
    if (head) {
      response.header(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
    } else {
      ((MutableHttpResponse<Object>) response).body(body.get());
    }
  }

  private static String varyOf(Representation representation) {
    return representation == Representation.SEED_JSON
        ? HttpHeaders.ACCEPT_ENCODING
        : HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;
  }
}
