package io.fibonacci.presentation.http.problem;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.presentation.http.client.RateLimitHeaders;
import io.fibonacci.presentation.http.observability.RequestIdFilter;
import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;

/**
 * Answers every expected failure with problem+json: its status from {@link ProblemTypes}, its
 * detail from the exception, and {@code Retry-After} plus the rate-limit fields where they apply.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = {FibonacciException.class, ExceptionHandler.class})
public final class FibonacciExceptionHandler
    implements ExceptionHandler<FibonacciException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, FibonacciException exception) {
    return respond(request, exception);
  }

  public static MutableHttpResponse<Problem> respond(
      HttpRequest<?> request, FibonacciException exception) {
    return respond(request, exception, "");
  }

  /**
   * The expected failure that ended an asynchronous stage, for a route to answer itself rather than
   * through the framework's exception handling, which resolves a handler bean per error (a client
   * hammering past its limit must stay cheap to refuse). Anything else is rethrown.
   */
  public static FibonacciException expectedOrRethrow(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof FibonacciException expected) {
      return expected;
    }
    throw failure instanceof CompletionException completion
        ? completion
        : new CompletionException(failure);
  }

  /**
   * The problem answer, its detail followed by {@code hint} (a sentence the route adds, such as
   * where a larger n can be asked for; empty for none).
   */
  public static MutableHttpResponse<Problem> respond(
      HttpRequest<?> request, FibonacciException exception, String hint) {
    ProblemTypes type = ProblemTypes.of(exception.errorCode());
    MutableHttpResponse<Problem> response =
        HttpResponse.<Problem>status(type.status())
            .body(type.problem(ProblemDetails.of(exception) + hint, RequestIdFilter.idOf(request)))
            .contentType(Problem.MEDIA_TYPE)
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    exception
        .retryAfterSeconds()
        .ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    if (exception.errorCode() == ErrorCode.INVALID_CREDENTIALS) {
      // RFC 6750: the scheme, the realm, and why; the detail never repeats the credential.
      response.header(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer realm=\"fibonacci\", error=\"invalid_token\", error_description=\""
              + exception.text(Fact.REASON)
              + "\"");
    }
    if (exception instanceof RateLimitExceededException limited) {
      RateLimitHeaders.apply(response, limited.status());
    }
    return response;
  }
}
