package io.fibonacci.presentation.http;

import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.application.port.in.GetFibonacciQuery;
import io.fibonacci.application.port.in.GetFibonacciUseCase;
import io.fibonacci.shared.FibonacciException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Turns a request for F(n) into a response: asks the use case, then writes the representation with
 * its caching, conditional and rate-limit headers. Shared by the v1 and seed-compatible routes.
 */
@Singleton
final class FibonacciResponder {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final GetFibonacciUseCase useCase;
  private final ClientKeyResolver clientKeys;

  FibonacciResponder(GetFibonacciUseCase useCase, ClientKeyResolver clientKeys) {
    this.useCase = useCase;
    this.clientKeys = clientKeys;
  }

  CompletionStage<MutableHttpResponse<?>> respond(
      HttpRequest<?> request, String position, Representation representation) {
    var query = new GetFibonacciQuery(position, clientKeys.resolve(request));
    return useCase
        .get(query)
        .handle(
            (result, failure) ->
                failure == null
                    ? toResponse(request, representation, result)
                    : expectedFailure(request, failure));
  }

  /**
   * Answers an expected failure (bad n, 429, 503) here rather than through the framework's
   * exception handling, which resolves a handler bean per error: a client hammering past its limit
   * must stay cheap to refuse. Anything else is rethrown to the framework.
   */
  private static MutableHttpResponse<?> expectedFailure(HttpRequest<?> request, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof FibonacciException expected) {
      return FibonacciExceptionHandler.respond(request, expected);
    }
    throw failure instanceof CompletionException completion
        ? completion
        : new CompletionException(failure);
  }

  private static MutableHttpResponse<?> toResponse(
      HttpRequest<?> request, Representation representation, FibonacciResult result) {
    String tag = representation.entityTag(result.position());
    boolean notModified =
        EntityTags.noneMatchHits(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag);
    MutableHttpResponse<?> response =
        notModified
            ? HttpResponse.notModified()
            : HttpResponse.ok(representation.body(result))
                .contentType(representation.contentType());
    response
        .header(HttpHeaders.ETAG, tag)
        .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
        .header(HttpHeaders.VARY, varyOf(representation))
        .header(RateLimitHeaders.REQUEST_COST, Long.toString(result.cost()));
    RateLimitHeaders.apply(response, result.rateLimit());
    return response;
  }

  private static String varyOf(Representation representation) {
    return representation == Representation.SEED_JSON
        ? HttpHeaders.ACCEPT_ENCODING
        : HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;
  }
}
