package io.fibonacci.presentation.http.identity;

import io.fibonacci.application.port.in.identity.IdentifyClientUseCase;
import io.fibonacci.application.port.in.identity.PresentedCredentials;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Checks the credential of every API request that presents one ({@code Authorization: Bearer} or
 * {@code X-API-Key}) before anything is charged: a valid one makes the request its client's (see
 * {@link ClientKeyResolver}); a bad one is answered {@code 401} at once and never served as
 * anonymous. A request with no credential passes untouched (anonymous, per address).
 *
 * <p>Runs after the cross-origin filter, so that preflights are answered without credentials and a
 * refusal still carries the CORS headers a browser needs to read it.
 */
@ServerFilter({"/api/**", "/fibonacci", "/fibonacci/**"})
public final class CredentialFilter implements Ordered {

  public static final String API_KEY_HEADER = "X-API-Key";

  private final IdentifyClientUseCase identify;

  CredentialFilter(IdentifyClientUseCase identify) {
    this.identify = identify;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 20;
  }

  /**
   * Continues with the request (the identity noted on it), or fails with the refusal, which the
   * exception handler answers as a problem. Continuing is completing with the request, never with
   * null: an empty asynchronous answer would end the exchange.
   */
  @RequestFilter
  CompletableFuture<HttpRequest<?>> check(HttpRequest<?> request) {
    PresentedCredentials presented =
        new PresentedCredentials(
            request.getHeaders().getAll(HttpHeaders.AUTHORIZATION),
            request.getHeaders().getAll(API_KEY_HEADER));
    if (presented.none()) {
      return CompletableFuture.completedFuture(request);
    }
    return identify
        .identify(presented)
        .toCompletableFuture()
        .handle(
            (found, failure) -> {
              if (failure != null) {
                throw new CompletionException(FibonacciExceptionHandler.expectedOrRethrow(failure));
              }
              found.ifPresent(
                  identity -> request.setAttribute(ClientKeyResolver.IDENTITY, identity));
              return request;
            });
  }
}
